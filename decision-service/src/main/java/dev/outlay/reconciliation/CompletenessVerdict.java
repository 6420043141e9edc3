package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The completeness check under the rule set: whether the missing source-days exceed the allowance, the missing
 * share in percent of the expected source-days (negative: days short), and the two logged decisions.
 */
public record CompletenessVerdict(boolean breach, BigDecimal allowance, BigDecimal differencePercent, String severity,
                                  boolean openTriage, String toleranceRuleId, String outcomeRuleId, String ruleVersionHash,
                                  UUID toleranceDecisionId, UUID outcomeDecisionId) {
}
