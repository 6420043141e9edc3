/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows are matched by content: an editor round trip (new ids, DMN 1.2, DI, annotation entries) shows only the edited row. */
class SemanticTableDiffTest {

    static String fixture(String name) {
        try (InputStream in = SemanticTableDiffTest.class.getResourceAsStream("/fixtures/studio/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompiledDmn compile(String name) {
        String xml = fixture(name);
        return DmnCompiler.compile(ContentHash.sha256(xml), xml);
    }

    @Test
    void oneEditedRowIsTheOnlyChangeWhetherIdsStayOrTheEditorRewroteThem() {
        CompiledDmn v1 = compile("route-v1.dmn");
        for (String after : List.of("route-v2.dmn", "route-v2-editor.dmn")) {
            List<SemanticTableDiff.Table> diff = SemanticTableDiff.changes(v1.model(), compile(after).model());
            assertEquals(1, diff.size(), after + ": " + diff);
            SemanticTableDiff.Table t = diff.get(0);
            assertEquals("route", t.decision());
            assertEquals("FIRST", t.hitPolicyBefore());
            assertEquals("FIRST", t.hitPolicyAfter());
            assertEquals(3, t.unchanged(), after);
            assertEquals(1, t.rows().size(), after + ": " + t.rows());
            SemanticTableDiff.RowChange row = t.rows().get(0);
            assertEquals("changed", row.change());
            assertEquals(2, row.positionBefore());
            assertEquals(2, row.positionAfter());
            List<SemanticTableDiff.Cell> changed = row.cells().stream().filter(SemanticTableDiff.Cell::changed).toList();
            assertEquals(1, changed.size(), after + ": " + changed);
            assertEquals("amount", changed.get(0).column());
            assertEquals(">= 5000", changed.get(0).before());
            assertTrue(changed.get(0).after().matches(">=\\s+4000"), changed.get(0).after());
            // The annotation is shown on both sides although v1 wrote a description and the editor an annotation entry.
            SemanticTableDiff.Cell note = row.cells().stream().filter(c -> c.column().equals("annotation")).findFirst().orElseThrow();
            assertEquals("large requests", note.before());
            assertEquals("large requests", note.after());
        }
    }

    @Test
    void anIdenticalRewriteHasNoChangesAndIdDiffWouldHaveHadFour() {
        CompiledDmn v1 = compile("route-v1.dmn");
        String rewritten = fixture("route-v2-editor.dmn").replace("&gt;=  4000", "&gt;= 5000");
        CompiledDmn same = DmnCompiler.compile(ContentHash.sha256(rewritten), rewritten);
        assertTrue(SemanticTableDiff.changes(v1.model(), same.model()).isEmpty());
        // The id-based diff sees every row replaced: the reason this one exists.
        var byId = DecisionTableDiff.between(DecisionTables.of(v1.model()), DecisionTables.of(same.model()));
        assertEquals(8, byId.get(0).rows().size());
    }

    @Test
    void addedRemovedMovedAndHitPolicyAreReported() {
        String v1 = fixture("route-v1.dmn");
        // Swap rows 2 and 3 (order decides a FIRST table), drop row 1, add a row, switch to PRIORITY.
        String r1 = v1.substring(v1.indexOf("<rule id=\"r1\">"), v1.indexOf("<rule id=\"r2\">"));
        String r2 = v1.substring(v1.indexOf("<rule id=\"r2\">"), v1.indexOf("<rule id=\"r3\">"));
        String r3 = v1.substring(v1.indexOf("<rule id=\"r3\">"), v1.indexOf("<rule id=\"r4\">"));
        String added = r1.replace("\"gpu\"", "\"marketplace\"").replace("r1", "r9").replace("gpu always to L3", "marketplace");
        String v2 = v1.replace(r1 + r2 + r3, r3 + r2 + added).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"RULE ORDER\"");
        List<SemanticTableDiff.Table> diff = SemanticTableDiff.changes(compile("route-v1.dmn").model(),
                DmnCompiler.compile(ContentHash.sha256(v2), v2).model());
        SemanticTableDiff.Table t = diff.get(0);
        assertEquals("FIRST", t.hitPolicyBefore());
        assertEquals("RULE ORDER", t.hitPolicyAfter());
        Map<String, Long> kinds = new java.util.TreeMap<>();
        t.rows().forEach(r -> kinds.merge(r.change(), 1L, Long::sum));
        // The marketplace row shares amount, level and approvers with the gpu row (3 of 5 cells): that row, changed and moved.
        assertEquals(Map.of("changed+moved", 1L, "moved", 2L), kinds, t.rows().toString());
        assertEquals(1, t.unchanged());
    }

    @Test
    void xmlLineDiffShowsTheEditedLineWithContext() {
        List<TextDiff.Hunk> hunks = TextDiff.hunks(fixture("route-v1.dmn"), fixture("route-v2.dmn"), 2);
        assertEquals(2, hunks.size());
        TextDiff.Hunk h = hunks.get(1);
        assertEquals(List.of(" ", " ", "-", "+", " ", " "), h.lines().stream().map(TextDiff.Line::op).toList());
        assertEquals(20, h.lines().get(2).lineA());
        assertTrue(h.lines().get(3).text().contains("&gt;= 4000"));
    }

    @Test
    void matchedRowsAreTheEnginesMatchesAndSelection() {
        String xml = fixture("route-v1.dmn");
        RuleVersion v = new RuleVersion("route", ContentHash.sha256(xml), RuleKind.DMN, RuleVersion.DRAFT, false, null, "t", null, null,
                null, null, xml);
        MatchedRules.Explained e = MatchedRules.explain(v, Map.of("category", "gpu", "amount", new BigDecimal("7000")));
        MatchedRules.Match m = e.matches().get(0);
        assertEquals("route", m.decision());
        assertEquals(List.of(1, 2, 4), m.matched());
        assertEquals(List.of(1), m.selected());
        assertEquals(List.of("r1", "r2", "r4"), m.matchedIds());
        MatchedRules.Explained small = MatchedRules.explain(v, Map.of("category", "storage", "amount", new BigDecimal("1500")));
        assertEquals(List.of(3), small.matches().get(0).selected());
        assertFalse(small.matches().get(0).matched().contains(2));
    }
}
