/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.CompiledDmn;
import dev.outlay.decisions.CompiledVersion;
import dev.outlay.decisions.DecisionTables;
import dev.outlay.decisions.MatchedRules;
import dev.outlay.decisions.RuleKind;
import dev.outlay.decisions.RuleRuntime;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A version's decision tables with the rows the engine matched (and selected) for one decision's inputs. */
@ApplicationScoped
public class ReplayTables {

    @Inject
    RuleRuntime runtime;

    public record Row(int position, String id, List<String> inputs, List<String> outputs, String description, boolean matched,
                      boolean selected) {
    }

    public record Table(String decision, String hitPolicy, List<String> inputs, List<String> outputs, List<Row> rows,
                        List<Integer> matched, List<Integer> selected) {
    }

    /** {@code error} when the version cannot decide these inputs (then no rows are marked). DRL versions have no tables. */
    public record View(String hash, RuleKind kind, List<Table> tables, String error) {
        public boolean dmn() {
            return kind == RuleKind.DMN;
        }
    }

    /** One input or output field as a dotted path and its canonical JSON value. */
    public record Field(String path, String value) {
    }

    public View view(RuleVersion v, Map<String, Object> inputs) {
        if (v.kind() != RuleKind.DMN) return new View(v.hash(), v.kind(), List.of(), null);
        CompiledDmn compiled = (CompiledDmn) runtime.compiled(v);
        List<DecisionTables.Table> defs = DecisionTables.of(compiled.model());
        List<MatchedRules.Match> matches = List.of();
        String error = null;
        try {
            matches = MatchedRules.explain(v, inputs).matches();
        } catch (CompiledVersion.EvaluationException e) {
            error = e.getMessage() + ": " + String.join("; ", e.messages().stream().map(ValidationMessage::message).toList());
        }
        List<Table> out = new ArrayList<>();
        for (DecisionTables.Table t : defs) {
            MatchedRules.Match m = matches.stream().filter(x -> t.decision().equals(x.decision())).findFirst().orElse(null);
            List<Integer> matched = m == null ? List.of() : m.matched();
            List<Integer> selected = m == null ? List.of() : m.selected();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                DecisionTables.Row r = t.rows().get(i);
                rows.add(new Row(i + 1, r.id(), r.inputEntries(), r.outputEntries(), r.description(), matched.contains(i + 1),
                        selected.contains(i + 1)));
            }
            out.add(new Table(t.decision(), t.hitPolicy(), t.inputs(), t.outputs(), rows, matched, selected));
        }
        return new View(v.hash(), v.kind(), out, error);
    }

    public static List<Field> fields(Map<String, Object> values) {
        List<Field> out = new ArrayList<>();
        walk("", values, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String prefix, Object v, List<Field> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            new java.util.TreeMap<>((Map<String, Object>) m).forEach((k, x) -> walk(prefix.isEmpty() ? k : prefix + "." + k, x, out));
            return;
        }
        out.add(new Field(prefix, CanonicalJson.write(v)));
    }
}
