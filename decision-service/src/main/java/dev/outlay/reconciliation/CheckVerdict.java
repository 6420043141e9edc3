package dev.outlay.reconciliation;

import java.util.UUID;

/**
 * A measured comparison with what the tenant's {@code reconciliation} rule set made of it: the tolerance row and
 * the outcome row that applied, and the logged decisions behind both (replayable against another version).
 */
public record CheckVerdict(String checkKind, String periodState, ComparisonResult result, String severity,
                           boolean openTriage, String toleranceRuleId, String outcomeRuleId, String ruleVersionHash,
                           UUID toleranceDecisionId, UUID outcomeDecisionId) {
}
