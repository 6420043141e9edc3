/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The reconciliation as a package states it: the run's status, its figures and verdicts, the rule set and its version
 * hash. Not the run id nor the ids of the decisions behind each verdict: those are minted per evaluation, so two runs
 * over the same data under the same rules would give two packages with different bytes though the same figures. The
 * ids stay queryable outside the hashed bytes: the package's stored inputs and its view name the run
 * ({@code reconciliationRunId}), and the run lists its decisions ({@code GET /api/v1/reconciliations/{id}}).
 */
public record PackageReconciliation(String status, String note, JsonNode result) {

    public static PackageReconciliation of(PackageInputs.Reconciliation r) {
        if (r == null) return new PackageReconciliation("none", "no reconciliation run", null);
        JsonNode result = r.result() == null || r.result().isNull() ? null : withoutEvaluationIds(r.result().deepCopy());
        return new PackageReconciliation(r.status(), r.note(), result);
    }

    /** Removes, at any depth, the fields that name one evaluation ({@code ...DecisionId}, {@code decisionIds}, {@code runId}). */
    static JsonNode withoutEvaluationIds(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (n.endsWith("DecisionId") || n.endsWith("DecisionIds") || n.equals("decisionIds") || n.equals("runId")) drop.add(n);
            }
            o.remove(drop);
            o.elements().forEachRemaining(PackageReconciliation::withoutEvaluationIds);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(PackageReconciliation::withoutEvaluationIds);
        }
        return node;
    }
}
