package dev.outlay.findings;

import java.math.BigDecimal;

/**
 * What a finding's evidence rests on. The tier caps confidence so a billing-only install still works but never
 * claims more than its data supports (detection-close-anchors, tiers B/I/M).
 */
public enum EvidenceTier {
    /** Ledger only. */
    BILLING(new BigDecimal("0.60")),
    /** Ledger plus inventory/config state. */
    INVENTORY(new BigDecimal("0.80")),
    /** Ledger, inventory and utilization metrics. */
    METRICS(new BigDecimal("0.95"));

    /** Where the billed line item is itself the state (idle public IPv4, NAT/LB hours with zero data). */
    public static final BigDecimal BILLING_IS_STATE_CAP = new BigDecimal("0.90");

    private final BigDecimal cap;

    EvidenceTier(BigDecimal cap) {
        this.cap = cap;
    }

    public BigDecimal cap() {
        return cap;
    }

    /**
     * The confidence a finding may report: the rule's raw confidence, clipped to [0, cap]. {@code billingIsState}
     * lifts a BILLING cap to 0.90 and never lowers a higher tier's cap.
     */
    public BigDecimal capConfidence(BigDecimal raw, boolean billingIsState) {
        if (raw == null) throw new IllegalArgumentException("confidence is required");
        BigDecimal limit = billingIsState && cap.compareTo(BILLING_IS_STATE_CAP) < 0 ? BILLING_IS_STATE_CAP : cap;
        if (raw.signum() < 0) return BigDecimal.ZERO.setScale(2);
        return (raw.compareTo(limit) > 0 ? limit : raw).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
