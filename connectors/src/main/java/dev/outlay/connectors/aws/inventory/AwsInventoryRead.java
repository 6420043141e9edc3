package dev.outlay.connectors.aws.inventory;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;

import java.time.Instant;
import java.util.List;

/**
 * A complete read of one account: every item and sample, sorted (items by region, kind, id; samples by resource,
 * metric, period) so the same account state gives the same lists.
 *
 * @param windowStart first utilization period start (inclusive)
 * @param windowEnd   end of the last period (exclusive): the last whole hour before {@code observedAt}
 */
public record AwsInventoryRead(String accountId, Instant observedAt, Instant windowStart, Instant windowEnd,
                               List<InventoryItem> items, List<MetricSample> samples, List<ServiceOutcome> outcomes) {

    public AwsInventoryRead {
        items = List.copyOf(items);
        samples = List.copyOf(samples);
        outcomes = List.copyOf(outcomes);
    }
}
