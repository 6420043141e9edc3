package dev.outlay.model.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One period of one metric of one resource (CloudWatch returns one datapoint per period and statistic; this holds
 * the Average and Maximum of the same period together). For percent metrics both are 0–100; for byte and count
 * metrics {@code average} is the period's total divided by the datapoints the source aggregated, {@code sum} the
 * period's total. Sums are what traffic thresholds ("network ≤ 5 MB a day") compare.
 *
 * @param periodSeconds the period length, 3600 for hourly, 86400 for daily
 * @param sum           total over the period for count/byte metrics, or null for percent metrics
 */
public record MetricSample(String resourceId, MetricName metric, Instant periodStart, int periodSeconds,
                           BigDecimal average, BigDecimal maximum, BigDecimal sum) {

    public MetricSample {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(periodStart, "periodStart");
        if (periodSeconds <= 0) throw new IllegalArgumentException("periodSeconds must be positive");
    }
}
