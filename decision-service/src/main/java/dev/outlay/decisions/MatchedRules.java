/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which decision-table rows a DMN version matched for given inputs, as the engine reports them
 * ({@code afterEvaluateDecisionTable}: every matching row and, after the hit policy, the selected ones), not as a
 * second evaluator of our own would guess. The version is compiled afresh for this: the cached runtime is shared by
 * every evaluation of the tenant, and a listener on it would hear them all.
 */
public final class MatchedRules {

    /** Row numbers are 1-based positions in the table, as the editor and the spreadsheet view number them. */
    public record Match(String decision, String table, List<Integer> matched, List<Integer> selected, List<String> matchedIds) {
    }

    public record Explained(String hash, Map<String, Object> outputs, List<Match> matches) {
    }

    private MatchedRules() {
    }

    public static Explained explain(RuleVersion version, Map<String, Object> inputs) {
        if (version.kind() != RuleKind.DMN) throw new IllegalArgumentException("only DMN versions have decision tables");
        CompiledDmn fresh = DmnCompiler.compile(version.hash(), version.content());
        List<Match> matches = new ArrayList<>();
        fresh.runtime().addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent e) {
                matches.add(new Match(e.getNodeName(), e.getDecisionTableName(), oneBased(e.getMatches()), oneBased(e.getSelected()),
                        e.getMatchesIds() == null ? List.of() : List.copyOf(e.getMatchesIds())));
            }
        });
        Map<String, Object> out = fresh.evaluate(inputs);
        return new Explained(version.hash(), out, List.copyOf(matches));
    }

    /** KIE 10.1 reports rule indexes counting from 1 already (DecisionTableImpl adds one); copied defensively. */
    private static List<Integer> oneBased(List<Integer> indexes) {
        return indexes == null ? List.of() : List.copyOf(indexes);
    }
}
