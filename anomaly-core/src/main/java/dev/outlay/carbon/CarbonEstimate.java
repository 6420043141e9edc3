package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.List;

/** Groups in group order, unestimated usage in (group, reason, currency) order, totals over the groups. */
public record CarbonEstimate(String methodVersion, List<CarbonGroup> groups, List<UnestimatedUsage> unestimated,
                             BigDecimal totalKwh, BigDecimal totalKgCo2e, long estimatedRows, long unestimatedRows) {
}
