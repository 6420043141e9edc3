/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.CompiledVersion;
import dev.outlay.decisions.CompiledVersionCache;
import dev.outlay.decisions.ContentHash;
import dev.outlay.decisions.DmnCompiler;
import dev.outlay.decisions.RuleKind;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.kogito.dmn.DMNKogito;
import org.kie.kogito.dmn.DmnDecisionModel;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * (1) compile + validate a generated 200-row decision table, warm (target <= 1 s);
 * (2) evaluate the same model through the versioned path (cache lookup, input-contract check, evaluation, canonical
 *     JSON of the outputs - what DecisionService does minus the log insert) and through Kogito's generated path
 *     (the DmnDecisionModel that Kogito's generated DecisionModels/REST resource evaluate: newContext(map),
 *     evaluateAll, outputs serialised with Jackson - minus HTTP) in the same JVM; target ratio >= 0.9;
 * (3) evaluate an older version held in the LRU vs. the pinned active one; target ratio >= 0.95.
 * Run: see README ("Rule sets and decisions"). Arguments: [evaluations per round, default 5000].
 */
public final class RulesBench {

    private static final String[] CATEGORIES = {"compute", "storage", "network", "database", "analytics", "ml", "gpu", "saas",
            "marketplace", "support", "security", "monitoring", "backup", "cdn", "dns", "queue", "cache", "search", "email", "other"};
    private static final long[] BANDS = {0, 100, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        System.out.printf("machine: %d CPUs, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // (1) compile + validate
        String active = ContentHash.canonicalize(table(0));
        DmnCompiler.validateAndCompile("warmup", active);
        for (int i = 1; i <= 3; i++) DmnCompiler.validateAndCompile("w" + i, ContentHash.canonicalize(table(i)));
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            String xml = ContentHash.canonicalize(table(100 + i));
            long t0 = System.nanoTime();
            DmnCompiler.validateAndCompile(ContentHash.sha256(xml), xml);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] compileOnly = new long[5];
        for (int i = 0; i < compileOnly.length; i++) {
            String xml = ContentHash.canonicalize(table(200 + i));
            long t0 = System.nanoTime();
            DmnCompiler.compile(ContentHash.sha256(xml), xml);
            compileOnly[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(compileOnly);
        Arrays.sort(ms);
        System.out.printf("(1) compile+validate 200-row table, warm: median %d ms, max %d ms  (target <= 1000 ms) %s%n",
                ms[ms.length / 2], ms[ms.length - 1], ms[ms.length / 2] <= 1000 ? "OK" : "MISSED");
        System.out.printf("    of which compile alone (no validator / table analysis): median %d ms%n", compileOnly[compileOnly.length / 2]);

        // (2) versioned vs generated
        CompiledVersionCache cache = new CompiledVersionCache(16);
        String activeHash = ContentHash.sha256(active);
        cache.pin(cache.get(activeHash, RuleKind.DMN, () -> active));
        String old = ContentHash.canonicalize(table(1));
        String oldHash = ContentHash.sha256(old);
        cache.get(oldHash, RuleKind.DMN, () -> old);

        DMNRuntime generatedRuntime = DMNKogito.createGenericDMNRuntime(Set.of(), false, new StringReader(active));
        DMNModel gm = generatedRuntime.getModels().get(0);
        DmnDecisionModel generated = new DmnDecisionModel(generatedRuntime, gm.getNamespace(), gm.getName());
        ObjectMapper jackson = new ObjectMapper();

        List<Map<String, Object>> inputs = inputs(997);
        Runnable versionedActive = () -> runVersioned(cache, activeHash, inputs, n);
        Runnable versionedOld = () -> runVersioned(cache, oldHash, inputs, n);
        Runnable generatedPath = () -> runGenerated(generated, jackson, inputs, n);
        for (int i = 0; i < 3; i++) { versionedActive.run(); generatedPath.run(); versionedOld.run(); }

        double v = 0, g = 0, o = 0;
        int rounds = 5;
        for (int r = 0; r < rounds; r++) {
            g += rate(generatedPath, n);
            v += rate(versionedActive, n);
            o += rate(versionedOld, n);
        }
        v /= rounds; g /= rounds; o /= rounds;
        System.out.printf("(2) versioned path %.0f evals/s, Kogito generated path %.0f evals/s: ratio %.2f (target >= 0.90) %s%n",
                v, g, v / g, v / g >= 0.9 ? "OK" : "MISSED");
        System.out.printf("(3) older cached version %.0f evals/s vs active %.0f evals/s: ratio %.2f (target >= 0.95) %s%n",
                o, v, o / v, o / v >= 0.95 ? "OK" : "MISSED");
    }

    private static double rate(Runnable run, int n) {
        long t0 = System.nanoTime();
        run.run();
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static long sink;

    private static void runVersioned(CompiledVersionCache cache, String hash, List<Map<String, Object>> inputs, int n) {
        for (int i = 0; i < n; i++) {
            CompiledVersion version = cache.lookup(hash);
            Map<String, Object> in = inputs.get(i % inputs.size());
            if (!version.inputs().check(in).isEmpty()) throw new IllegalStateException("contract");
            sink += CanonicalJson.write(version.evaluate(in)).length();
        }
    }

    private static void runGenerated(DmnDecisionModel model, ObjectMapper jackson, List<Map<String, Object>> inputs, int n) {
        try {
            for (int i = 0; i < n; i++) {
                DMNResult result = model.evaluateAll(model.newContext(inputs.get(i % inputs.size())));
                if (result.hasErrors()) throw new IllegalStateException(result.getMessages().toString());
                Map<String, Object> out = new TreeMap<>();
                for (DMNDecisionResult r : result.getDecisionResults()) out.put(r.getDecisionName(), r.getResult());
                sink += jackson.writeValueAsString(out).length();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> inputs(int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> m = new TreeMap<>();
            m.put("category", CATEGORIES[i % CATEGORIES.length]);
            m.put("amount", new BigDecimal((i * 7919L) % 150_000));
            out.add(m);
        }
        return out;
    }

    /** A UNIQUE table: 20 categories x 10 amount bands = 200 rows; {@code variant} changes one output so hashes differ. */
    static String table(int variant) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bench" name="Approval"
                             namespace="https://outlay.dev/bench/approval">
                  <itemDefinition name="tCategory"><typeRef>string</typeRef><allowedValues><text>%s</text></allowedValues></itemDefinition>
                  <itemDefinition name="tRoute">
                    <itemComponent id="c_level" name="level"><typeRef>string</typeRef></itemComponent>
                    <itemComponent id="c_approvers" name="approvers"><typeRef>number</typeRef></itemComponent>
                  </itemDefinition>
                  <inputData id="in_category" name="category"><variable id="v_category" name="category" typeRef="tCategory"/></inputData>
                  <inputData id="in_amount" name="amount"><variable id="v_amount" name="amount" typeRef="number"/></inputData>
                  <decision id="d_route" name="route">
                    <variable id="v_route" name="route" typeRef="tRoute"/>
                    <informationRequirement id="ir1"><requiredInput href="#in_category"/></informationRequirement>
                    <informationRequirement id="ir2"><requiredInput href="#in_amount"/></informationRequirement>
                    <decisionTable id="dt_route" hitPolicy="UNIQUE">
                      <input id="i_category"><inputExpression id="ie_category" typeRef="tCategory"><text>category</text></inputExpression>
                        <inputValues id="iv_category"><text>%s</text></inputValues></input>
                      <input id="i_amount"><inputExpression id="ie_amount" typeRef="number"><text>amount</text></inputExpression></input>
                      <output id="o_level" name="level" typeRef="string"/>
                      <output id="o_approvers" name="approvers" typeRef="number"/>
                """.formatted(quoted(), quoted()));
        int row = 0;
        for (String c : CATEGORIES) {
            for (int b = 0; b < BANDS.length; b++) {
                row++;
                String range = b == BANDS.length - 1 ? "&gt;= " + BANDS[b] : "[" + BANDS[b] + ".." + BANDS[b + 1] + ")";
                if (b == 0) range = "&lt; " + BANDS[1];
                int approvers = (row == 1 ? variant : 0) + b / 3;
                sb.append("      <rule id=\"r").append(row).append("\"><inputEntry id=\"r").append(row).append("a\"><text>\"").append(c)
                        .append("\"</text></inputEntry><inputEntry id=\"r").append(row).append("b\"><text>").append(range)
                        .append("</text></inputEntry><outputEntry id=\"r").append(row).append("c\"><text>\"L").append(b)
                        .append("\"</text></outputEntry><outputEntry id=\"r").append(row).append("d\"><text>").append(approvers)
                        .append("</text></outputEntry></rule>\n");
            }
        }
        sb.append("    </decisionTable>\n  </decision>\n</definitions>\n");
        return sb.toString();
    }

    private static String quoted() {
        StringBuilder sb = new StringBuilder();
        for (String c : CATEGORIES) sb.append(sb.length() == 0 ? "" : ",").append('"').append(c).append('"');
        return sb.toString();
    }
}
