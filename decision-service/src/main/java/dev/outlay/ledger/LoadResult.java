package dev.outlay.ledger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a load did: counts, the billing periods it replaced, the ingestions it superseded, phase timings (ms). */
public record LoadResult(String schemaVersion, long rowsRead, long rowsLoaded, long rowsFlagged, long rowsReplaced,
                         Map<String, Long> flagSummary, List<String> billingPeriods, Set<UUID> superseded,
                         Map<String, Long> timingsMs) {
}
