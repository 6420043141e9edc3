/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import dev.outlay.anomalies.api.AnomalyService;
import dev.outlay.decisions.DecisionLog;
import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Which stored anomalies of a window would change severity or routing under a classification draft: each anomaly's
 * logged classification inputs (its decision id) are evaluated under the baseline and the draft. An anomaly whose
 * decision is no longer in the log (purged by retention) is counted as skipped, never guessed.
 */
@ApplicationScoped
public class AnomalySimulation {

    @Inject
    AnomalyService anomalies;

    @Inject
    DecisionLog log;

    @Inject
    UnloggedEvaluator evaluator;

    public record Change(String anomalyId, String day, String series, String severityBaseline, String severityDraft,
                         String routingBaseline, String routingDraft, String error) {
    }

    public record Result(String from, String to, int anomalies, int evaluated, int skipped, int changed, int severityChanged,
                         int routingChanged, List<Change> changes) {
    }

    public Result simulate(RuleVersion baseline, RuleVersion draft, LocalDate from, LocalDate to) {
        List<Map<String, Object>> found = anomalies.list(from, to, null, null, null);
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> a : found) {
            Object id = a.get("decisionId");
            if (id == null) continue;
            java.util.Optional<DecisionRecord> d = log.find(id instanceof UUID u ? u : UUID.fromString(id.toString()));
            if (d.isEmpty()) continue;
            kept.add(a);
            inputs.add(d.get().inputValues());
        }
        List<UnloggedEvaluator.Outcome> x = evaluator.evaluate(baseline, inputs);
        List<UnloggedEvaluator.Outcome> y = evaluator.evaluate(draft, inputs);
        List<Change> changes = new ArrayList<>();
        int severity = 0, routing = 0;
        for (int i = 0; i < kept.size(); i++) {
            Map<String, Object> a = kept.get(i);
            if (x.get(i).failed() || y.get(i).failed()) {
                UnloggedEvaluator.Outcome bad = x.get(i).failed() ? x.get(i) : y.get(i);
                changes.add(new Change(str(a.get("id")), str(a.get("day")), str(a.get("series")), null, null, null, null,
                        bad.errors().isEmpty() ? "could not be decided" : bad.errors().get(0).message()));
                continue;
            }
            String sa = str(x.get(i).outputs().get("severity")), sb = str(y.get(i).outputs().get("severity"));
            String ra = str(x.get(i).outputs().get("routing")), rb = str(y.get(i).outputs().get("routing"));
            boolean s = !Objects.equals(sa, sb), r = !Objects.equals(ra, rb);
            if (!s && !r) continue;
            if (s) severity++;
            if (r) routing++;
            changes.add(new Change(str(a.get("id")), str(a.get("day")), str(a.get("series")), sa, sb, ra, rb, null));
        }
        return new Result(from == null ? null : from.toString(), to == null ? null : to.toString(), found.size(), kept.size(),
                found.size() - kept.size(), changes.size(), severity, routing, changes);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
