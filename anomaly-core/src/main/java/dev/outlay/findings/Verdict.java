package dev.outlay.findings;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One outcome a DRL rule set asserted for one input row.
 *
 * @param outcome        {@code finding}, {@code insufficient-data} (a metric detector without enough metrics — never a
 *                       silent skip) or {@code waived} (a waiver rule matched; {@code waiverReason} says which)
 * @param action         RELEASE, DELETE, STOP, RESIZE, MIGRATE, SCHEDULE, DOWNGRADE_HA or REVIEW
 * @param risk           low, medium or high: what acting on it could break
 * @param rawConfidence  the rule's confidence before the tier cap
 * @param billingIsState the billed line item is itself the state (idle public IPv4), which lifts the billing cap
 */
public record Verdict(String detector, String outcome, String action, String probableCause, String requiredAction,
                      String risk, BigDecimal rawConfidence, EvidenceTier tier, boolean billingIsState,
                      String waiverReason) {

    public static final String FINDING = "finding";
    public static final String INSUFFICIENT_DATA = "insufficient-data";
    public static final String WAIVED = "waived";

    private static final Set<String> OUTCOMES = Set.of(FINDING, INSUFFICIENT_DATA, WAIVED);
    private static final Set<String> ACTIONS = Set.of("RELEASE", "DELETE", "STOP", "RESIZE", "MIGRATE", "SCHEDULE",
            "DOWNGRADE_HA", "REVIEW");
    private static final Set<String> RISKS = Set.of("low", "medium", "high");

    public Verdict {
        Objects.requireNonNull(detector, "detector");
        if (!OUTCOMES.contains(outcome)) throw new IllegalArgumentException(detector + ": unknown outcome " + outcome);
        if (!ACTIONS.contains(action)) throw new IllegalArgumentException(detector + ": unknown action " + action);
        if (!RISKS.contains(risk)) throw new IllegalArgumentException(detector + ": unknown risk " + risk);
        Objects.requireNonNull(rawConfidence, "confidence");
        Objects.requireNonNull(tier, "tier");
        if (WAIVED.equals(outcome) && (waiverReason == null || waiverReason.isBlank())) {
            throw new IllegalArgumentException(detector + ": a waived outcome needs its reason");
        }
    }

    public boolean isFinding() {
        return FINDING.equals(outcome);
    }
}
