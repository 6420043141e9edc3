/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A plain, editor-neutral view of a model's decision tables: columns and rows of FEEL text. */
public final class DecisionTables {

    public record Table(String decision, String hitPolicy, List<String> inputs, List<String> outputs, List<Row> rows) {
    }

    public record Row(String id, List<String> inputEntries, List<String> outputEntries, String description) {
    }

    private DecisionTables() {
    }

    public static List<Table> of(DMNModel model) {
        List<Table> out = new ArrayList<>();
        List<DecisionNode> nodes = new ArrayList<>(model.getDecisions());
        nodes.sort(Comparator.comparing(DecisionNode::getName));
        for (DecisionNode node : nodes) {
            if (node.getDecision().getExpression() instanceof DecisionTable dt) out.add(table(node.getName(), dt));
        }
        return out;
    }

    static Table table(String decision, DecisionTable dt) {
        List<String> inputs = dt.getInput().stream().map(DecisionTables::inputName).toList();
        List<String> outputs = dt.getOutput().stream().map(o -> outputName(decision, o)).toList();
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (DecisionRule r : dt.getRule()) {
            n++;
            rows.add(new Row(r.getId() == null ? "#" + n : r.getId(),
                    r.getInputEntry().stream().map(UnaryTests::getText).map(DecisionTables::clean).toList(),
                    r.getOutputEntry().stream().map(LiteralExpression::getText).map(DecisionTables::clean).toList(),
                    r.getDescription()));
        }
        String hp = dt.getHitPolicy() == null ? "UNIQUE" : dt.getHitPolicy().value()
                + (dt.getAggregation() == null ? "" : " " + dt.getAggregation().name());
        return new Table(decision, hp, inputs, outputs, rows);
    }

    static String inputName(InputClause c) {
        if (c.getLabel() != null && !c.getLabel().isBlank()) return c.getLabel();
        return clean(c.getInputExpression().getText());
    }

    static String outputName(String decision, OutputClause o) {
        return o.getName() != null && !o.getName().isBlank() ? o.getName() : decision;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
