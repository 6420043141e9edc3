/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.CompiledVersion;
import dev.outlay.decisions.RuleRuntime;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates inputs under a version without writing the decision log: a simulation is a question about history, not
 * a decision, and logging it would put draft outcomes among the decisions auditors replay. Rows with equal inputs
 * are evaluated once, as the bulk path does.
 */
@ApplicationScoped
public class UnloggedEvaluator {

    @Inject
    RuleRuntime runtime;

    /** One row's answer: outputs, or the reasons it could not be decided under this version. */
    public record Outcome(Map<String, Object> outputs, List<ValidationMessage> errors) {
        public boolean failed() {
            return errors != null;
        }
    }

    public RuleVersion version(String ruleSet, String hash) {
        return runtime.resolve(ruleSet, hash);
    }

    /** Every row must decide, or the whole simulation is refused with the row and fields that failed (422). */
    public List<Map<String, Object>> evaluateAll(RuleVersion v, List<Map<String, Object>> rows) {
        List<Outcome> outcomes = evaluate(v, rows);
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.failed()) {
                int row = i;
                throw ProblemException.unprocessable("Row " + i + " cannot be decided by version " + v.hash(),
                        o.errors().stream().map(e -> new Problem.Fault(e.message(), "rows[" + row + "]", null, null, null)).toList());
            }
            out.add(o.outputs());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<Outcome> evaluate(RuleVersion v, List<Map<String, Object>> rows) {
        CompiledVersion compiled = runtime.compiled(v);
        Map<String, Outcome> byKey = new HashMap<>();
        List<Outcome> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> in = (Map<String, Object>) CanonicalJson.normalize(row);
            out.add(byKey.computeIfAbsent(CanonicalJson.write(in), k -> decide(compiled, in)));
        }
        return out;
    }

    private static Outcome decide(CompiledVersion compiled, Map<String, Object> in) {
        List<Problem.Fault> faults = compiled.inputs().check(in);
        if (!faults.isEmpty()) {
            return new Outcome(null, faults.stream().map(f -> ValidationMessage.error("INPUT_CONTRACT", f.field() + ": " + f.message(),
                    null, null, null)).toList());
        }
        try {
            return new Outcome(compiled.evaluate(in), null);
        } catch (CompiledVersion.EvaluationException e) {
            return new Outcome(null, e.messages());
        }
    }
}
