/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.DecisionLog;
import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.OutputDiff;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a draft would have decided the rule set's logged decisions (newest first, up to a limit, optionally in a time
 * window) compared with the baseline version: both evaluate the logged inputs, so the difference is the draft's own
 * and not that of an earlier publish (the impact API compares with the logged outputs instead). Bulk records count
 * once per distinct input, as they were logged, and carry the rows they stood for.
 */
@ApplicationScoped
public class DecisionHistorySimulation {

    static final int EXAMPLES = 100;

    @Inject
    DecisionLog log;

    @Inject
    UnloggedEvaluator evaluator;

    public record Change(UUID decisionId, Instant at, long rows, String inputs, List<OutputDiff.Change> diff, List<ValidationMessage> errors) {
    }

    /** One "before -> after" transition of one output field and how many decisions (and rows) take it. */
    public record Transition(String field, String before, String after, int decisions, long rows) {
    }

    public record Result(int evaluated, int changed, int unchanged, int failed, long rows, long rowsChanged,
                         List<Transition> transitions, List<Change> changes) {
    }

    public Result simulate(String ruleSet, RuleVersion baseline, RuleVersion draft, Instant from, Instant to, int limit) {
        List<DecisionRecord> history = log.list(ruleSet, from, to, null, limit);
        List<Map<String, Object>> inputs = history.stream().map(DecisionRecord::inputValues).toList();
        List<UnloggedEvaluator.Outcome> a = evaluator.evaluate(baseline, inputs);
        List<UnloggedEvaluator.Outcome> b = evaluator.evaluate(draft, inputs);
        int changed = 0, failed = 0;
        long rows = 0, rowsChanged = 0;
        Map<List<String>, long[]> transitions = new TreeMap<>((x, y) -> String.join("\u0000", x).compareTo(String.join("\u0000", y)));
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            DecisionRecord d = history.get(i);
            long weight = d.rowCount() == null ? 1 : d.rowCount();
            rows += weight;
            UnloggedEvaluator.Outcome x = a.get(i), y = b.get(i);
            if (x.failed() || y.failed()) {
                failed++;
                List<ValidationMessage> errors = new ArrayList<>();
                if (x.failed()) errors.addAll(x.errors());
                if (y.failed()) errors.addAll(y.errors());
                if (changes.size() < EXAMPLES) changes.add(new Change(d.id(), d.at(), weight, d.inputs(), null, errors));
                continue;
            }
            List<OutputDiff.Change> diff = OutputDiff.between(x.outputs(), y.outputs());
            if (diff.isEmpty()) continue;
            changed++;
            rowsChanged += weight;
            for (OutputDiff.Change c : diff) {
                long[] n = transitions.computeIfAbsent(List.of(c.path(), CanonicalJson.write(c.before()), CanonicalJson.write(c.after())),
                        k -> new long[2]);
                n[0]++;
                n[1] += weight;
            }
            if (changes.size() < EXAMPLES) changes.add(new Change(d.id(), d.at(), weight, d.inputs(), diff, null));
        }
        List<Transition> t = new ArrayList<>();
        transitions.forEach((k, n) -> t.add(new Transition(k.get(0), k.get(1), k.get(2), (int) n[0], n[1])));
        return new Result(history.size(), changed, history.size() - changed - failed, failed, rows, rowsChanged, t, changes);
    }
}
