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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save-time validation, compilation, contracts and canonical forms, without HTTP or a database. */
class RuleCompilationTest {

    @Test
    void canonicalizationIgnoresLineEndingsAndTrailingBlanks() {
        String a = "rule x\r\nend  \r\n\r\n";
        String b = "rule x\nend\n";
        assertEquals(ContentHash.canonicalize(a), ContentHash.canonicalize(b));
        assertEquals(ContentHash.sha256(ContentHash.canonicalize(a)), ContentHash.sha256(ContentHash.canonicalize(b)));
        assertNotEquals(ContentHash.sha256("rule x\n"), ContentHash.sha256("rule y\n"));
    }

    @Test
    void bundledSpendPolicyValidatesAndDerivesItsInputContract() {
        DmnCompiler.Validated v = DmnCompiler.validateAndCompile("h", ContentHash.canonicalize(TestModels.spendPolicy()));
        assertTrue(v.messages().stream().noneMatch(ValidationMessage::isError));
        List<InputContract.Field> fields = v.compiled().inputs().fields();
        assertEquals(List.of("amount", "budgetRemaining", "environment", "forecastOverrunPct", "owner", "resourceClass"),
                fields.stream().map(InputContract.Field::name).toList());
        Map<String, Object> ok = new TreeMap<>(Map.of("resourceClass", "gpu", "environment", "prod", "amount", new BigDecimal("1"),
                "budgetRemaining", new BigDecimal("5"), "forecastOverrunPct", BigDecimal.ZERO, "owner", "web"));
        assertTrue(v.compiled().inputs().check(ok).isEmpty());
        Map<String, Object> bad = new TreeMap<>(ok);
        bad.put("resourceClass", "spaceship");
        bad.put("amount", "lots");
        bad.remove("environment");
        bad.put("colour", "red");
        assertEquals(4, v.compiled().inputs().check(bad).size(), () -> v.compiled().inputs().check(bad).toString());
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class,
                () -> DmnCompiler.validateAndCompile("h", "<definitions>\n  <decision>\n</definitions>\n"));
        ValidationMessage m = e.errors().get(0);
        assertEquals("XML_MALFORMED", m.code());
        assertEquals(3, m.line());
    }

    @Test
    void doctypeIsRefusedBeforeAnyParserResolvesEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<definitions>&x;</definitions>\n";
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class, () -> DmnCompiler.validateAndCompile("h", xxe));
        assertTrue(e.errors().get(0).message().contains("DOCTYPE"), e.errors().toString());
    }

    @Test
    void feelSyntaxErrorInACellIsAnError() {
        String xml = TestModels.bands("FIRST", "string", "< 100", "\"small\"", ">= 100 and", "\"large\"");
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class, () -> DmnCompiler.validateAndCompile("h", xml));
        assertFalse(e.errors().isEmpty());
        assertTrue(e.errors().stream().anyMatch(m -> m.code() != null && m.code().contains("FEEL")), e.errors().toString());
    }

    @Test
    void overlappingRowsInAUniqueTableAreAnError() {
        String xml = TestModels.bands("UNIQUE", "string", "< 200", "\"small\"", "[100..1000]", "\"medium\"", "> 1000", "\"large\"");
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class, () -> DmnCompiler.validateAndCompile("h", xml));
        assertTrue(e.errors().stream().anyMatch(m -> m.code().contains("OVERLAP")), e.errors().toString());
    }

    @Test
    void aStringInANumberColumnIsAnError() {
        String xml = TestModels.bands("FIRST", "number", "< 100", "1", "-", "\"one\"");
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class, () -> DmnCompiler.validateAndCompile("h", xml));
        ValidationMessage m = e.errors().stream().filter(x -> "DECISION_TABLE_OUTPUT_TYPE".equals(x.code())).findFirst().orElseThrow(
                () -> new AssertionError(e.errors().toString()));
        assertEquals("r2o", m.element());
    }

    @Test
    void aValueOutsideTheAllowedValuesIsAnError() {
        String xml = TestModels.spendPolicy().replace("<outputEntry id=\"sp11f\"><text>\"allow\"</text>", "<outputEntry id=\"sp11f\"><text>\"alow\"</text>");
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class, () -> DmnCompiler.validateAndCompile("h", xml));
        assertTrue(e.errors().stream().anyMatch(m -> m.message().contains("alow")), e.errors().toString());
    }

    @Test
    void drlCompileErrorsCarryLineNumbers() {
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class,
                () -> DrlCompiler.validateAndCompile("h", TestModels.DRL_BROKEN));
        assertTrue(e.errors().stream().anyMatch(m -> m.line() != null && m.line() == 4), e.errors().toString());
    }

    @Test
    void drlWithoutTheOutputsGlobalIsRefused() {
        InvalidRuleVersionException e = assertThrows(InvalidRuleVersionException.class,
                () -> DrlCompiler.validateAndCompile("h", "package x;\nrule \"r\" when then end\n"));
        assertEquals("DRL_CONTRACT", e.errors().get(0).code());
    }

    @Test
    void drlEvaluatesMapFactsIntoTheOutputsGlobal() {
        CompiledDrl drl = DrlCompiler.validateAndCompile("h", TestModels.DRL_OK).compiled();
        assertEquals(Map.of("review", true), drl.evaluate(Map.of("amount", new BigDecimal("1500"))));
        assertEquals(Map.of(), drl.evaluate(Map.of("amount", new BigDecimal("15"))));
    }

    @Test
    void outputsAreByteIdenticalAcrossRecompiles() {
        String xml = ContentHash.canonicalize(TestModels.spendPolicy());
        Map<String, Object> in = Map.of("resourceClass", "gpu", "environment", "dev", "amount", new BigDecimal("15000.50"),
                "budgetRemaining", new BigDecimal("80000"), "forecastOverrunPct", new BigDecimal("0"), "owner", "ml");
        String first = CanonicalJson.write(DmnCompiler.compile("a", xml).evaluate(in));
        String second = CanonicalJson.write(DmnCompiler.compile("b", xml).evaluate(CanonicalJson.readObject(CanonicalJson.write(in))));
        assertEquals(first, second);
        assertTrue(first.startsWith("{\"policy\":{\"approverRole\":\"leadership\""), first);
    }

    @Test
    void csvExportImportRoundTripsATable() {
        String xml = ContentHash.canonicalize(TestModels.spendPolicy());
        CompiledDmn base = DmnCompiler.compile("a", xml);
        DecisionTables.Table table = DecisionTables.of(base.model()).get(0);
        String csv = TableCsv.export(table);
        assertTrue(csv.startsWith("FIRST,in:resourceClass,in:environment,in:amount,in:overBudget,in:forecastOverrunPct,in:owner,out:outcome"), csv);
        String edited = csv.replace("sp10,-,-,>= 5000", "sp10,-,-,>= 4000");
        String imported = TableCsv.importInto(xml, table, edited);
        DmnCompiler.Validated v = DmnCompiler.validateAndCompile("b", ContentHash.canonicalize(imported));
        DecisionTables.Table after = DecisionTables.of(v.compiled().model()).get(0);
        assertEquals(table.rows().size(), after.rows().size());
        var diff = DecisionTableDiff.between(List.of(table), List.of(after));
        assertEquals(1, diff.size());
        assertEquals(1, diff.get(0).rows().size());
        assertEquals("sp10", diff.get(0).rows().get(0).id());
        assertEquals(List.of(">= 5000", ">= 4000"), diff.get(0).rows().get(0).cells().get("in:amount"));
        assertEquals(TableCsv.export(after), edited);
    }

    @Test
    void isoTextFeedsDateInputsAndBadDatesAreRefused() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="Due" namespace="https://outlay.dev/test/due">
                  <inputData id="in_due" name="due"><variable id="v_due" name="due" typeRef="date"/></inputData>
                  <decision id="d_q" name="quarter">
                    <variable id="v_q" name="quarter" typeRef="string"/>
                    <informationRequirement id="ir1"><requiredInput href="#in_due"/></informationRequirement>
                    <literalExpression id="le"><text>if due &lt; date("2025-04-01") then "Q1" else "later"</text></literalExpression>
                  </decision>
                </definitions>
                """;
        CompiledDmn dmn = DmnCompiler.validateAndCompile("h", xml).compiled();
        assertTrue(dmn.inputs().check(Map.of("due", "2025-03-31")).isEmpty());
        assertEquals(Map.of("quarter", "Q1"), dmn.evaluate(Map.of("due", "2025-03-31")));
        assertEquals(1, dmn.inputs().check(Map.of("due", "31/03/2025")).size());
    }

    @Test
    void cacheKeepsPinnedVersionsAndEvictsTheRest() {
        CompiledVersionCache cache = new CompiledVersionCache(1);
        String a = TestModels.bands("FIRST", "string", "-", "\"a\"");
        String b = TestModels.bands("FIRST", "string", "-", "\"b\"");
        String c = TestModels.bands("FIRST", "string", "-", "\"c\"");
        cache.pin(cache.get("a", RuleKind.DMN, () -> a));
        cache.get("b", RuleKind.DMN, () -> b);
        cache.get("c", RuleKind.DMN, () -> c);
        assertTrue(cache.isPinned("a"));
        assertTrue(cache.lookup("a") != null && cache.lookup("c") != null);
        assertEquals(null, cache.lookup("b"));
        cache.unpin("a");
        assertEquals(null, cache.lookup("c"));
    }
}
