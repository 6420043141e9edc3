/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rule-row level difference of two DMN versions: per decision table, rows added, removed, changed (cell by cell)
 * and moved (order matters for FIRST/PRIORITY tables), plus hit-policy and column changes. Rows are matched by id.
 */
public final class DecisionTableDiff {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TableChange(String decision, String change, String hitPolicyBefore, String hitPolicyAfter,
                              List<String> columnsBefore, List<String> columnsAfter, List<RowChange> rows) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowChange(String id, String change, Integer positionBefore, Integer positionAfter, Map<String, List<String>> cells,
                            Map<String, String> row) {
    }

    private DecisionTableDiff() {
    }

    public static List<TableChange> between(List<DecisionTables.Table> a, List<DecisionTables.Table> b) {
        Map<String, DecisionTables.Table> before = index(a);
        Map<String, DecisionTables.Table> after = index(b);
        List<TableChange> out = new ArrayList<>();
        for (DecisionTables.Table t : a) {
            if (!after.containsKey(t.decision())) out.add(new TableChange(t.decision(), "removed", t.hitPolicy(), null, null, null, List.of()));
        }
        for (DecisionTables.Table t : b) {
            DecisionTables.Table old = before.get(t.decision());
            if (old == null) {
                out.add(new TableChange(t.decision(), "added", null, t.hitPolicy(), null, null, List.of()));
                continue;
            }
            List<String> colsA = columns(old), colsB = columns(t);
            List<RowChange> rows = rows(old, t, colsA, colsB);
            boolean hp = !old.hitPolicy().equals(t.hitPolicy());
            boolean cols = !colsA.equals(colsB);
            if (hp || cols || !rows.isEmpty()) {
                out.add(new TableChange(t.decision(), "changed", hp ? old.hitPolicy() : null, hp ? t.hitPolicy() : null,
                        cols ? colsA : null, cols ? colsB : null, rows));
            }
        }
        return out;
    }

    private static List<RowChange> rows(DecisionTables.Table a, DecisionTables.Table b, List<String> colsA, List<String> colsB) {
        Map<String, Integer> posA = new LinkedHashMap<>(), posB = new LinkedHashMap<>();
        for (int i = 0; i < a.rows().size(); i++) posA.put(a.rows().get(i).id(), i + 1);
        for (int i = 0; i < b.rows().size(); i++) posB.put(b.rows().get(i).id(), i + 1);
        List<RowChange> out = new ArrayList<>();
        for (DecisionTables.Row r : a.rows()) {
            if (!posB.containsKey(r.id())) out.add(new RowChange(r.id(), "removed", posA.get(r.id()), null, null, cells(colsA, r)));
        }
        for (DecisionTables.Row r : b.rows()) {
            Integer pa = posA.get(r.id());
            if (pa == null) {
                out.add(new RowChange(r.id(), "added", null, posB.get(r.id()), null, cells(colsB, r)));
                continue;
            }
            DecisionTables.Row old = a.rows().get(pa - 1);
            Map<String, String> ca = cells(colsA, old), cb = cells(colsB, r);
            Map<String, List<String>> changed = new LinkedHashMap<>();
            for (String col : colsB) {
                if (!Objects.equals(ca.get(col), cb.get(col))) changed.put(col, java.util.Arrays.asList(ca.get(col), cb.get(col)));
            }
            for (String col : colsA) {
                if (!cb.containsKey(col)) changed.put(col, java.util.Arrays.asList(ca.get(col), null));
            }
            boolean moved = relativeOrderChanged(r.id(), posA, posB);
            if (!changed.isEmpty() || moved) {
                out.add(new RowChange(r.id(), changed.isEmpty() ? "moved" : "changed", pa, posB.get(r.id()),
                        changed.isEmpty() ? null : changed, null));
            }
        }
        return out;
    }

    /** A row "moved" when a row that stayed was before it and now is after it (or vice versa), not merely renumbered. */
    private static boolean relativeOrderChanged(String id, Map<String, Integer> posA, Map<String, Integer> posB) {
        for (String other : posA.keySet()) {
            if (other.equals(id) || !posB.containsKey(other)) continue;
            boolean beforeA = posA.get(other) < posA.get(id);
            boolean beforeB = posB.get(other) < posB.get(id);
            if (beforeA != beforeB) return true;
        }
        return false;
    }

    private static List<String> columns(DecisionTables.Table t) {
        List<String> cols = new ArrayList<>();
        t.inputs().forEach(i -> cols.add("in:" + i));
        t.outputs().forEach(o -> cols.add("out:" + o));
        return cols;
    }

    private static Map<String, String> cells(List<String> cols, DecisionTables.Row r) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> values = new ArrayList<>(r.inputEntries());
        values.addAll(r.outputEntries());
        for (int i = 0; i < cols.size() && i < values.size(); i++) m.put(cols.get(i), values.get(i));
        return m;
    }

    private static Map<String, DecisionTables.Table> index(List<DecisionTables.Table> tables) {
        Map<String, DecisionTables.Table> m = new LinkedHashMap<>();
        tables.forEach(t -> m.put(t.decision(), t));
        return m;
    }
}
