package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far two totals may differ before it is a breach: the larger of an absolute allowance (e.g. 0.01 "to the cent"
 * for a FINAL period) and a relative one in percent of the reference total (e.g. 1 for a PRELIMINARY period). The
 * values come from the reconciliation rule set, so the engine holds no tolerance of its own.
 */
public record Tolerance(BigDecimal absoluteAllowance, BigDecimal relativePercent) {
    public Tolerance {
        Objects.requireNonNull(absoluteAllowance, "absoluteAllowance");
        Objects.requireNonNull(relativePercent, "relativePercent");
        if (absoluteAllowance.signum() < 0 || relativePercent.signum() < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }

    /** The largest absolute difference still within tolerance for a reference total. */
    public BigDecimal allowanceFor(BigDecimal referenceTotal) {
        BigDecimal relative = referenceTotal.abs().multiply(relativePercent).movePointLeft(2);
        return relative.max(absoluteAllowance);
    }
}
