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
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.RuleAnnotation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule-row difference of two DMN versions as an admin reads it: tables are matched by decision name, columns by
 * their label (or input expression), rows by content. Ids are ignored on purpose: the KIE editor gives every element a
 * fresh {@code _UUID} id and adds diagram (DI) elements when it saves, so an id-based diff of an editor round trip
 * reports every row as removed and re-added. A row whose cells all match is unchanged; a row whose conditions match,
 * or that shares at least half its cells with a row of the other version, is "changed" with both sides per cell.
 * Order is reported ("moved") only for hit policies where it decides the result (not UNIQUE, not ANY).
 */
public final class SemanticTableDiff {

    public static final String ANNOTATION = "annotation";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table(String decision, String change, String hitPolicyBefore, String hitPolicyAfter, List<Column> columns,
                        List<String> columnsAdded, List<String> columnsRemoved, int rowsBefore, int rowsAfter, int unchanged,
                        List<RowChange> rows) {
    }

    /** kind is {@code input}, {@code output} or {@code annotation}. */
    public record Column(String name, String kind) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowChange(String change, Integer positionBefore, Integer positionAfter, List<Cell> cells) {
    }

    public record Cell(String column, String before, String after, boolean changed) {
    }

    /** A row as cells keyed by column name (the text as written), with its position (1-based). */
    record Row(int position, Map<String, String> cells) {
        String key(String column) {
            return canonical(cells.get(column));
        }
    }

    record Extracted(String decision, String hitPolicy, List<Column> columns, List<Row> rows) {
    }

    private SemanticTableDiff() {
    }

    public static List<Table> between(DMNModel before, DMNModel after) {
        Map<String, Extracted> a = extract(before), b = extract(after);
        Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Table> out = new ArrayList<>();
        for (String name : names) out.add(table(a.get(name), b.get(name)));
        return out;
    }

    /** Only the tables that differ. */
    public static List<Table> changes(DMNModel before, DMNModel after) {
        return between(before, after).stream().filter(t -> !"unchanged".equals(t.change())).toList();
    }

    static Map<String, Extracted> extract(DMNModel model) {
        Map<String, Extracted> out = new TreeMap<>();
        List<DecisionNode> nodes = new ArrayList<>(model.getDecisions());
        nodes.sort(Comparator.comparing(DecisionNode::getName));
        for (DecisionNode node : nodes) {
            if (node.getDecision().getExpression() instanceof DecisionTable dt) out.put(node.getName(), extract(node.getName(), dt));
        }
        return out;
    }

    static Extracted extract(String decision, DecisionTable dt) {
        List<Column> cols = new ArrayList<>();
        dt.getInput().forEach(i -> cols.add(new Column(DecisionTables.inputName(i), "input")));
        dt.getOutput().forEach(o -> cols.add(new Column(DecisionTables.outputName(decision, o), "output")));
        cols.add(new Column(ANNOTATION, ANNOTATION));
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (DecisionRule r : dt.getRule()) {
            n++;
            Map<String, String> cells = new java.util.LinkedHashMap<>();
            for (int i = 0; i < r.getInputEntry().size() && i < dt.getInput().size(); i++) {
                String v = text(r.getInputEntry().get(i) == null ? null : r.getInputEntry().get(i).getText());
                cells.put(cols.get(i).name(), v.isEmpty() ? "-" : v);
            }
            int in = dt.getInput().size();
            for (int i = 0; i < r.getOutputEntry().size() && i < dt.getOutput().size(); i++) {
                cells.put(cols.get(in + i).name(), text(r.getOutputEntry().get(i) == null ? null : r.getOutputEntry().get(i).getText()));
            }
            cells.put(ANNOTATION, annotation(r));
            rows.add(new Row(n, cells));
        }
        String hp = (dt.getHitPolicy() == null ? "UNIQUE" : dt.getHitPolicy().value())
                + (dt.getAggregation() == null ? "" : " " + dt.getAggregation().name());
        return new Extracted(decision, hp, List.copyOf(cols), List.copyOf(rows));
    }

    /** DMN 1.1 files carry a rule's note as {@code description}, DMN 1.2+ editors as annotation entries: one column. */
    private static String annotation(DecisionRule r) {
        List<String> parts = new ArrayList<>();
        if (r.getDescription() != null && !r.getDescription().isBlank()) parts.add(r.getDescription().strip());
        if (r.getAnnotationEntry() != null) {
            for (RuleAnnotation a : r.getAnnotationEntry()) {
                if (a.getText() != null && !a.getText().isBlank()) parts.add(a.getText().strip());
            }
        }
        return String.join(" | ", parts);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * The comparison key of a cell: whitespace outside string literals is dropped unless it separates two word
     * characters ({@code not (x)} and {@code not(x)} are one test, {@code a and b} keeps its spaces), since the editor
     * re-spaces FEEL freely ({@code [1000..5000)} comes back as {@code [1000 .. 5000)}).
     */
    static String canonical(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder();
        boolean quoted = false, space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
            if (!quoted && Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty() && word(sb.charAt(sb.length() - 1)) && word(c)) sb.append(' ');
            space = false;
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static Table table(Extracted a, Extracted b) {
        if (a == null) return new Table(b.decision(), "added", null, b.hitPolicy(), b.columns(), null, null, 0, b.rows().size(), 0,
                b.rows().stream().map(r -> side("added", null, r, b.columns(), false)).toList());
        if (b == null) return new Table(a.decision(), "removed", a.hitPolicy(), null, a.columns(), null, null, a.rows().size(), 0, 0,
                a.rows().stream().map(r -> side("removed", r, null, a.columns(), true)).toList());
        List<Column> cols = union(a.columns(), b.columns());
        Set<String> namesA = names(a.columns()), namesB = names(b.columns());
        List<String> added = b.columns().stream().map(Column::name).filter(n -> !namesA.contains(n)).toList();
        List<String> removed = a.columns().stream().map(Column::name).filter(n -> !namesB.contains(n)).toList();
        Integer[] pairOfA = pair(a.rows(), b.rows(), cols);
        Integer[] pairOfB = new Integer[b.rows().size()];
        for (int i = 0; i < pairOfA.length; i++) if (pairOfA[i] != null) pairOfB[pairOfA[i]] = i;
        boolean orderMatters = !(b.hitPolicy().startsWith("UNIQUE") || b.hitPolicy().startsWith("ANY"));
        List<RowChange> rows = new ArrayList<>();
        int unchanged = 0;
        // Walk the new table in order, placing each removed row before the first later survivor, so the list reads top-down.
        int nextA = 0;
        for (int j = 0; j < b.rows().size(); j++) {
            Integer i = pairOfB[j];
            if (i != null) {
                for (; nextA < i; nextA++) if (pairOfA[nextA] == null) rows.add(side("removed", a.rows().get(nextA), null, cols, true));
                nextA = Math.max(nextA, i + 1);
            }
            if (i == null) {
                rows.add(side("added", null, b.rows().get(j), cols, false));
                continue;
            }
            Row ra = a.rows().get(i), rb = b.rows().get(j);
            List<Cell> cells = cells(ra, rb, cols);
            boolean changed = cells.stream().anyMatch(Cell::changed);
            boolean moved = orderMatters && movedRelative(i, j, pairOfA);
            if (changed) rows.add(new RowChange(moved ? "changed+moved" : "changed", ra.position(), rb.position(), cells));
            else if (moved) rows.add(new RowChange("moved", ra.position(), rb.position(), cells));
            else unchanged++;
        }
        for (; nextA < a.rows().size(); nextA++) if (pairOfA[nextA] == null) rows.add(side("removed", a.rows().get(nextA), null, cols, true));
        boolean hp = !a.hitPolicy().equals(b.hitPolicy());
        boolean any = hp || !added.isEmpty() || !removed.isEmpty() || !rows.isEmpty();
        return new Table(b.decision(), any ? "changed" : "unchanged", a.hitPolicy(), b.hitPolicy(), cols,
                added.isEmpty() ? null : added, removed.isEmpty() ? null : removed, a.rows().size(), b.rows().size(), unchanged, rows);
    }

    /** Row i of the old table became row j of the new; it moved if another surviving row switched sides of it. */
    private static boolean movedRelative(int i, int j, Integer[] pairOfA) {
        for (int k = 0; k < pairOfA.length; k++) {
            if (k == i || pairOfA[k] == null) continue;
            if ((k < i) != (pairOfA[k] < j)) return true;
        }
        return false;
    }

    /**
     * For each old row, the index of its partner in the new table (or null). Three passes, each in table order so
     * that duplicated rows pair up first with first: identical rows, rows with identical conditions, then rows sharing
     * at least half of their cells (the most shared first).
     */
    static Integer[] pair(List<Row> a, List<Row> b, List<Column> cols) {
        Integer[] out = new Integer[a.size()];
        boolean[] taken = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (!taken[j] && equalOn(a.get(i), b.get(j), cols, null)) {
                    out[i] = j;
                    taken[j] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (out[i] != null) continue;
            for (int j = 0; j < b.size(); j++) {
                if (!taken[j] && equalOn(a.get(i), b.get(j), cols, "input")) {
                    out[i] = j;
                    taken[j] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (out[i] != null) continue;
            int best = -1, bestShared = 0;
            for (int j = 0; j < b.size(); j++) {
                if (taken[j]) continue;
                int shared = shared(a.get(i), b.get(j), cols);
                if (shared > bestShared) {
                    best = j;
                    bestShared = shared;
                }
            }
            if (best >= 0 && bestShared * 2 >= cols.size()) {
                out[i] = best;
                taken[best] = true;
            }
        }
        return out;
    }

    private static boolean equalOn(Row x, Row y, List<Column> cols, String kind) {
        for (Column c : cols) {
            if (kind != null && !kind.equals(c.kind())) continue;
            if (!Objects.equals(x.key(c.name()), y.key(c.name()))) return false;
        }
        return true;
    }

    private static int shared(Row x, Row y, List<Column> cols) {
        int n = 0;
        for (Column c : cols) if (Objects.equals(x.key(c.name()), y.key(c.name()))) n++;
        return n;
    }

    private static List<Cell> cells(Row a, Row b, List<Column> cols) {
        List<Cell> out = new ArrayList<>();
        for (Column c : cols) {
            String x = a == null ? null : a.cells().get(c.name());
            String y = b == null ? null : b.cells().get(c.name());
            out.add(new Cell(c.name(), x, y, a != null && b != null && !Objects.equals(a.key(c.name()), b.key(c.name()))));
        }
        return out;
    }

    private static RowChange side(String change, Row a, Row b, List<Column> cols, boolean before) {
        return new RowChange(change, before ? a.position() : null, before ? null : b.position(), cells(a, b, cols));
    }

    private static List<Column> union(List<Column> a, List<Column> b) {
        LinkedHashSet<Column> all = new LinkedHashSet<>();
        // New columns in the new table's order, annotation last, then columns only the old table had.
        b.stream().filter(c -> !ANNOTATION.equals(c.kind())).forEach(all::add);
        a.stream().filter(c -> !ANNOTATION.equals(c.kind())).filter(c -> !names(b).contains(c.name())).forEach(all::add);
        all.add(new Column(ANNOTATION, ANNOTATION));
        return List.copyOf(all);
    }

    private static Set<String> names(List<Column> cols) {
        Set<String> s = new java.util.HashSet<>();
        cols.forEach(c -> s.add(c.name()));
        return s;
    }
}
