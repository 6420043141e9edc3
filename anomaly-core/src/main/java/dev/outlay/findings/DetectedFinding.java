package dev.outlay.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding as persisted: deterministic (same facts, rule version and profile version give the same record), money
 * per currency, evidence that explains it.
 *
 * @param ruleVersion    content hash of the rule-set version that decided
 * @param profileVersion content hash of the finding-profiles version the thresholds came from
 * @param confidence     the rule's confidence capped by the evidence tier
 * @param savings        monthly savings, one range per currency, never summed
 * @param windowStart    first day of the window the detector judged (inclusive)
 * @param windowEnd      the scan date (inclusive)
 * @param outcome        finding, insufficient-data or waived (from the verdict)
 * @param waiverReason   why a waived outcome was waived, else null
 */
public record DetectedFinding(String id, String resourceId, String provider, String accountId, String region,
                              String detector, String ruleSet, String ruleVersion, String profile,
                              String profileVersion, EvidenceTier tier, BigDecimal confidence, String action,
                              String probableCause, String requiredAction, String risk, List<SavingsRange> savings,
                              FindingEvidence evidence, LocalDate windowStart, LocalDate windowEnd, String outcome,
                              String waiverReason) {

    public DetectedFinding {
        savings = List.copyOf(savings);
    }
}
