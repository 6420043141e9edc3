package dev.outlay.reconciliation;

import java.math.BigDecimal;

/**
 * A service whose two sides differ: {@code difference} is observed minus reference, {@code sharePercent} its part of
 * the sum of absolute differences (so offsetting errors in two services are both named rather than cancelling out).
 */
public record ImpactedService(int rank, String account, String service, BigDecimal reference, BigDecimal observed,
                              BigDecimal difference, BigDecimal sharePercent) {
}
