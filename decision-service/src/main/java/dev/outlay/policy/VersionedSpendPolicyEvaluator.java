/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the tenant's active version of the spend-policy rule set through the decision service, so an admin's
 * published change decides the next request, and every outcome names its version and decision-log entry.
 */
@ApplicationScoped
public class VersionedSpendPolicyEvaluator implements SpendPolicyEvaluator {

    static final String RULE_SET = "spend-policy";

    @Inject
    DecisionService decisions;

    @Override
    public PolicyOutcome evaluate(PolicyInput in) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("resourceClass", in.resourceClass());
        inputs.put("environment", in.environment());
        inputs.put("amount", in.amount());
        inputs.put("budgetRemaining", in.budgetRemaining());
        inputs.put("forecastOverrunPct", in.forecastOverrunPct());
        inputs.put("owner", in.owner());
        DecisionRecord record = decisions.evaluateOffered(RULE_SET, null, inputs);
        Object policy = CanonicalJson.readObject(record.outputs()).get("policy");
        if (!(policy instanceof Map<?, ?> out)) {
            throw new IllegalStateException("spend policy version " + record.versionHash() + " gave no 'policy' decision");
        }
        return new PolicyOutcome(str(out.get("outcome")), str(out.get("reason")), str(out.get("approverRole")),
                hours(out.get("slaHours")), str(out.get("ruleId")), record.versionHash(), record.id().toString());
    }

    private static Integer hours(Object sla) {
        if (sla == null) return null;
        return sla instanceof Number n ? Integer.valueOf(new BigDecimal(n.toString()).intValue()) : Integer.valueOf(new BigDecimal(sla.toString()).intValue());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
