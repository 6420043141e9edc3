package dev.outlay.reconciliation;

import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one reconciliation check under the tenant's active {@code reconciliation} rule set: the tolerance comes from
 * the rule set (never from code), the pure {@link Reconciler} measures, and the rule set grades the result. Both
 * evaluations go through the decision service, so a changed tolerance is an audited, replayable decision.
 */
@ApplicationScoped
public class ReconciliationPolicy {

    public static final String RULE_SET = "reconciliation";

    @Inject
    DecisionService decisions;

    public CheckVerdict check(String checkKind, String periodState, String currency, List<AmountLine> reference,
                              List<AmountLine> observed, ConfidenceInputs confidence) {
        Map<String, Object> toleranceIn = new HashMap<>();
        toleranceIn.put("checkKind", checkKind);
        toleranceIn.put("periodState", periodState);
        toleranceIn.put("breach", false);
        toleranceIn.put("absoluteDifferencePercent", BigDecimal.ZERO);
        DecisionRecord toleranceRecord = decisions.evaluateOffered(RULE_SET, null, toleranceIn);
        Map<?, ?> tolerance = (Map<?, ?>) toleranceRecord.outputValues().get("tolerance");
        Tolerance t = new Tolerance(decimal(tolerance.get("absoluteAllowance")), decimal(tolerance.get("relativePercent")));

        ComparisonResult result = Reconciler.compare(currency, reference, observed, t, confidence);

        Map<String, Object> outcomeIn = new HashMap<>(toleranceIn);
        outcomeIn.put("breach", result.breach());
        // Undefined percent (zero reference, non-zero difference) is graded as the worst case.
        outcomeIn.put("absoluteDifferencePercent", result.differencePercent() == null
                ? new BigDecimal("100") : result.differencePercent().abs());
        // Pinned to the version the tolerance came from, so one check never mixes two versions.
        DecisionRecord outcomeRecord = decisions.evaluateOffered(RULE_SET, toleranceRecord.versionHash(), outcomeIn);
        Map<?, ?> outcome = (Map<?, ?>) outcomeRecord.outputValues().get("outcome");
        return new CheckVerdict(checkKind, periodState, result, String.valueOf(outcome.get("severity")),
                Boolean.TRUE.equals(outcome.get("openTriage")), String.valueOf(tolerance.get("ruleId")),
                String.valueOf(outcome.get("ruleId")), toleranceRecord.versionHash(), toleranceRecord.id(),
                outcomeRecord.id());
    }

    private static BigDecimal decimal(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
