/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
        return check(checkKind, periodState, null, currency, reference, observed, confidence);
    }

    /** As above under a given version ({@code null}: the active one), so every check of a run uses the same rules. */
    public CheckVerdict check(String checkKind, String periodState, String version, String currency, List<AmountLine> reference,
                              List<AmountLine> observed, ConfidenceInputs confidence) {
        Map<String, Object> toleranceIn = toleranceInput(checkKind, periodState);
        DecisionRecord toleranceRecord = decisions.evaluateOffered(RULE_SET, version, toleranceIn);
        Map<?, ?> tolerance = (Map<?, ?>) toleranceRecord.outputValues().get("tolerance");
        Tolerance t = tolerance(tolerance);

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

    /**
     * The completeness check: expected source-days against those present, under the rule set's completeness
     * tolerance (RT-01 allows no gap). Graded like any check, so a changed tolerance is a logged decision too.
     */
    public CompletenessVerdict completeness(String periodState, String version, int expectedSourceDays, int missingSourceDays) {
        Map<String, Object> toleranceIn = toleranceInput("completeness", periodState);
        DecisionRecord toleranceRecord = decisions.evaluateOffered(RULE_SET, version, toleranceIn);
        Map<?, ?> tolerance = (Map<?, ?>) toleranceRecord.outputValues().get("tolerance");
        BigDecimal allowance = tolerance(tolerance).allowanceFor(BigDecimal.valueOf(expectedSourceDays));
        boolean breach = BigDecimal.valueOf(missingSourceDays).compareTo(allowance) > 0;
        BigDecimal percent = Reconciler.percentOf(BigDecimal.valueOf(-missingSourceDays), BigDecimal.valueOf(expectedSourceDays));
        Map<String, Object> outcomeIn = new HashMap<>(toleranceIn);
        outcomeIn.put("breach", breach);
        outcomeIn.put("absoluteDifferencePercent", percent == null ? new BigDecimal("100") : percent.abs());
        DecisionRecord outcomeRecord = decisions.evaluateOffered(RULE_SET, toleranceRecord.versionHash(), outcomeIn);
        Map<?, ?> outcome = (Map<?, ?>) outcomeRecord.outputValues().get("outcome");
        return new CompletenessVerdict(breach, allowance, percent, String.valueOf(outcome.get("severity")),
                Boolean.TRUE.equals(outcome.get("openTriage")), String.valueOf(tolerance.get("ruleId")),
                String.valueOf(outcome.get("ruleId")), toleranceRecord.versionHash(), toleranceRecord.id(), outcomeRecord.id());
    }

    private static Map<String, Object> toleranceInput(String checkKind, String periodState) {
        Map<String, Object> in = new HashMap<>();
        in.put("checkKind", checkKind);
        in.put("periodState", periodState);
        in.put("breach", false);
        in.put("absoluteDifferencePercent", BigDecimal.ZERO);
        return in;
    }

    private static Tolerance tolerance(Map<?, ?> tolerance) {
        return new Tolerance(decimal(tolerance.get("absoluteAllowance")), decimal(tolerance.get("relativePercent")));
    }

    private static BigDecimal decimal(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
