/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.decisions.DecisionTables;
import dev.outlay.decisions.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as the spreadsheet view shows it: columns (inputs then outputs), rows of FEEL text, the hit
 * policy, the rule annotations (DMN rule descriptions), and the validator's messages placed on their cell: a save
 * writes the rows through {@code TableCsv}, which gives each entry the id {@code <row id>_i<k>} / {@code <row id>_o<k>},
 * so the element a message names leads back to its row and column.
 */
public final class SpreadsheetView {

    private static final Pattern ENTRY_ID = Pattern.compile("(.+)_([io])(\\d+)");

    public record Cell(String value, String fault) {
    }

    public record Row(int index, String id, List<Cell> cells, String description, String fault) {
        public int number() {
            return index + 1;
        }
    }

    /** {@code messages}: those that could not be placed on a cell or row, each with the table and location it names. */
    public record Table(int index, String decision, String hitPolicy, List<String> inputs, List<String> outputs, List<Row> rows,
                        List<String> messages) {
        public List<String> columns() {
            List<String> out = new ArrayList<>(inputs);
            outputs.forEach(o -> out.add(o + " (output)"));
            return out;
        }

        /** Row slots of the form: every rule plus one blank for adding a rule. */
        public int slots() {
            return rows.size() + 1;
        }

        public int width() {
            return inputs.size() + outputs.size();
        }
    }

    private SpreadsheetView() {
    }

    static Table of(int index, DecisionTables.Table t) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            DecisionTables.Row row = t.rows().get(r);
            List<Cell> cells = new ArrayList<>();
            row.inputEntries().forEach(v -> cells.add(new Cell(v, null)));
            row.outputEntries().forEach(v -> cells.add(new Cell(v, null)));
            rows.add(new Row(r, row.id(), cells, row.description() == null ? "" : row.description(), null));
        }
        return new Table(index, t.decision(), t.hitPolicy(), t.inputs(), t.outputs(), rows, List.of());
    }

    /** The table as submitted, with each message on the cell (or row) it names; the rest listed with the table's name. */
    static Table withMessages(Table submitted, List<ValidationMessage> messages) {
        List<Row> rows = new ArrayList<>(submitted.rows());
        List<String> loose = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String text = m.severity() + (m.code() == null ? "" : " [" + m.code() + "]") + " " + m.message();
            int[] at = locate(submitted, m.element());
            if (at != null && at[1] < 0) at = new int[]{at[0], quotedCell(rows.get(at[0]), m.message())};
            if (at == null) {
                loose.add("table '" + submitted.decision() + "'" + (m.element() == null ? "" : ", element " + m.element())
                        + (m.line() == null ? "" : ", line " + m.line()) + ": " + text);
                continue;
            }
            Row row = rows.get(at[0]);
            if (at[1] < 0) {
                rows.set(at[0], new Row(row.index(), row.id(), row.cells(), row.description(), join(row.fault(), text)));
                loose.add("table '" + submitted.decision() + "', row " + (at[0] + 1) + " (" + row.id() + "): " + text);
                continue;
            }
            List<Cell> cells = new ArrayList<>(row.cells());
            Cell c = cells.get(at[1]);
            cells.set(at[1], new Cell(c.value(), join(c.fault(), text)));
            rows.set(at[0], new Row(row.index(), row.id(), cells, row.description(), row.fault()));
            loose.add("table '" + submitted.decision() + "', row " + (at[0] + 1) + " (" + row.id() + "), column '"
                    + submitted.columns().get(at[1]) + "': " + text);
        }
        return new Table(submitted.index(), submitted.decision(), submitted.hitPolicy(), submitted.inputs(), submitted.outputs(), rows, loose);
    }

    /** [row, column] (column -1 = the whole row) of an element id, or null. */
    static int[] locate(Table t, String element) {
        if (element == null) return null;
        for (Row r : t.rows()) if (element.equals(r.id())) return new int[]{r.index(), -1};
        Matcher m = ENTRY_ID.matcher(element);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(3));
            int col = "i".equals(m.group(2)) ? k : t.inputs().size() + k;
            for (Row r : t.rows()) if (r.id().equals(m.group(1)) && col < t.width()) return new int[]{r.index(), col};
        }
        return null;
    }

    /**
     * The validator names the rule, not the entry, of a FEEL error ("Error compiling FEEL expression '>= 7000)' on
     * decision table 'policy', rule #10"): the cell is the one whose text the message quotes; -1 when none does.
     */
    static int quotedCell(Row row, String message) {
        int best = -1;
        for (int k = 0; k < row.cells().size(); k++) {
            String v = row.cells().get(k).value();
            if (v.isEmpty() || message == null || !message.contains("'" + v + "'")) continue;
            if (best < 0 || v.length() > row.cells().get(best).value().length()) best = k;
        }
        return best;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
