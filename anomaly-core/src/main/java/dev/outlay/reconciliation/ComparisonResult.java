package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One check's outcome in one currency: totals of both sides, the difference (observed minus reference), the
 * difference in percent of the reference ({@code null} when the reference total is zero and the difference is not:
 * a percentage of nothing is undefined), the allowance that applied, whether it was breached, and the services
 * ranked by their contribution.
 */
public record ComparisonResult(String currency, BigDecimal referenceTotal, BigDecimal observedTotal,
                               BigDecimal difference, BigDecimal differencePercent, BigDecimal allowance,
                               boolean breach, List<ImpactedService> impactedServices, Confidence confidence) {
    public ComparisonResult {
        impactedServices = List.copyOf(impactedServices);
    }
}
