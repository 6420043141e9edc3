/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.Csv;
import dev.outlay.decisions.DecisionTables;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The spreadsheet view's form for one table: field {@code rows} says how many row slots the page had (the last one
 * is blank, for adding a row), then per slot {@code id.<i>}, {@code del.<i>} (checked: drop the row),
 * {@code desc.<i>} and {@code c.<i>.<k>} (input columns first, then outputs). The rows become the CSV layout of
 * {@code TableCsv}, so the save is the API's CSV import: same column check, same ids, same validation after it.
 */
final class SpreadsheetForm {

    static final int MAX_ROWS = 2000;

    private SpreadsheetForm() {
    }

    /** The submitted table (blank and deleted slots left out), shaped like the base table's columns. */
    static SpreadsheetView.Table read(int index, DecisionTables.Table base, MultivaluedMap<String, String> form) {
        int slots = count(form.getFirst("rows"));
        int width = base.inputs().size() + base.outputs().size();
        List<SpreadsheetView.Row> rows = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            if (form.getFirst("del." + i) != null) continue;
            List<SpreadsheetView.Cell> cells = new ArrayList<>();
            boolean blank = true;
            for (int k = 0; k < width; k++) {
                String v = value(form.getFirst("c." + i + "." + k));
                if (!v.isEmpty()) blank = false;
                cells.add(new SpreadsheetView.Cell(v, null));
            }
            String id = value(form.getFirst("id." + i));
            String desc = value(form.getFirst("desc." + i));
            if (blank && id.isEmpty() && desc.isEmpty()) continue;
            rows.add(new SpreadsheetView.Row(rows.size(), id, cells, desc, null));
        }
        String hitPolicy = value(form.getFirst("hitPolicy"));
        return new SpreadsheetView.Table(index, base.decision(), hitPolicy.isEmpty() ? base.hitPolicy() : hitPolicy,
                base.inputs(), base.outputs(), rows, List.of());
    }

    /** The table in TableCsv's layout: hit policy in the corner, in:/out: headers, a description column. */
    static String csv(SpreadsheetView.Table t) {
        return Csv.write(grid(t));
    }

    static List<List<String>> grid(SpreadsheetView.Table t) {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(t.hitPolicy());
        t.inputs().forEach(i -> header.add("in:" + i));
        t.outputs().forEach(o -> header.add("out:" + o));
        header.add("description");
        out.add(header);
        for (SpreadsheetView.Row r : t.rows()) {
            List<String> line = new ArrayList<>();
            line.add(r.id());
            r.cells().forEach(c -> line.add(c.value()));
            line.add(r.description());
            out.add(line);
        }
        return out;
    }

    private static int count(String rows) {
        try {
            int n = Integer.parseInt(rows == null ? "" : rows.strip());
            if (n >= 0 && n <= MAX_ROWS) return n;
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ProblemException.unprocessable("The table form is not valid", List.of(Problem.Fault.at("rows", "0.." + MAX_ROWS + ", got " + rows)));
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }
}
