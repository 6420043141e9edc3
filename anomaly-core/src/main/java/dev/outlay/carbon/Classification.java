package dev.outlay.carbon;

import java.math.BigDecimal;

/**
 * What a usage line measures: a kind with its quantity in the kind's canonical unit, or the reason it cannot be
 * estimated. For compute, {@code wattRange} and {@code utilization} give the average watts per vCPU.
 */
public record Classification(UsageKind kind, BigDecimal quantity, WattRange wattRange, BigDecimal utilization,
                             boolean utilizationDefaulted, Unestimated reason) {

    static Classification of(UsageKind kind, BigDecimal quantity) {
        return new Classification(kind, quantity, null, null, false, null);
    }

    static Classification unestimated(Unestimated reason) {
        return new Classification(null, null, null, null, false, reason);
    }

    public boolean estimated() {
        return reason == null;
    }
}
