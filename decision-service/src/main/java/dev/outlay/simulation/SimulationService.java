/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outlay.allocation.AllocationService;
import dev.outlay.decisions.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Picks the simulation a rule set's draft needs: allocation over a billing period, anomalies, or its logged decisions. */
@ApplicationScoped
public class SimulationService {

    public static final String ANOMALY_CLASSIFICATION = "anomaly-classification";

    @Inject
    UnloggedEvaluator evaluator;

    @Inject
    AllocationSimulation allocation;

    @Inject
    DecisionHistorySimulation decisions;

    @Inject
    AnomalySimulation anomalies;

    /** Exactly one of the three parts is set, named by {@code kind}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Simulation(String ruleSet, String kind, String baseline, String draft, AllocationSimulation.Result allocation,
                             DecisionHistorySimulation.Result decisions, AnomalySimulation.Result anomalies) {
    }

    public Simulation simulate(String ruleSet, SimulationRequest req) {
        String draftHash = req.requireDraft();
        RuleVersion draft = evaluator.version(ruleSet, draftHash);
        RuleVersion baseline = evaluator.version(ruleSet, req.baseline());
        req.checkWindow();
        if (AllocationService.RULE_SET.equals(ruleSet)) {
            return new Simulation(ruleSet, "allocation", baseline.hash(), draft.hash(),
                    allocation.simulate(ruleSet, req.period(), baseline, draft), null, null);
        }
        if (ANOMALY_CLASSIFICATION.equals(ruleSet)) {
            return new Simulation(ruleSet, "anomalies", baseline.hash(), draft.hash(), null, null,
                    anomalies.simulate(baseline, draft, req.fromDay(), req.toDay() == null ? null : req.toDay().minusDays(1)));
        }
        return new Simulation(ruleSet, "decisions", baseline.hash(), draft.hash(), null,
                decisions.simulate(ruleSet, baseline, draft, SimulationRequest.start(req.fromDay()), SimulationRequest.start(req.toDay()),
                        req.limitOrDefault()), null);
    }
}
