/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios ({@code [{name, inputs, expect}]}, the format of rules/&lt;set&gt;/scenarios/golden.json) against a
 * compiled version. {@code expect} is a subset: only the fields it names are compared; numbers by value.
 */
public final class GoldenScenarios {

    private GoldenScenarios() {
    }

    /** One line per failing scenario; empty when all pass. */
    @SuppressWarnings("unchecked")
    public static List<String> run(CompiledVersion version, String scenariosJson, String origin) {
        List<String> failures = new ArrayList<>();
        JsonNode scenarios;
        try {
            scenarios = CanonicalJson.parse(scenariosJson);
        } catch (Exception e) {
            return List.of(origin + ": scenarios are not valid JSON");
        }
        for (JsonNode scenario : scenarios) {
            String name = origin + ": " + scenario.path("name").asText("(unnamed)");
            Map<String, Object> inputs = (Map<String, Object>) CanonicalJson.toJava(scenario.path("inputs"));
            var faults = version.inputs().check(inputs);
            if (!faults.isEmpty()) {
                failures.add(name + ": inputs do not fit this version (" + faults.get(0).field() + ": " + faults.get(0).message() + ")");
                continue;
            }
            Map<String, Object> outputs;
            try {
                outputs = version.evaluate(inputs);
            } catch (CompiledVersion.EvaluationException e) {
                failures.add(name + ": evaluation failed: " + e.messages());
                continue;
            }
            List<String> mismatches = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = scenario.path("expect").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(e.getKey(), e.getValue(), outputs.get(e.getKey()), mismatches);
            }
            if (!mismatches.isEmpty()) failures.add(name + ": " + String.join("; ", mismatches));
        }
        return failures;
    }

    private static void compare(String path, JsonNode expected, Object actual, List<String> out) {
        if (expected.isObject()) {
            if (!(actual instanceof Map<?, ?> map)) {
                out.add(path + " expected an object, got " + actual);
                return;
            }
            expected.fields().forEachRemaining(e -> compare(path + "." + e.getKey(), e.getValue(), map.get(e.getKey()), out));
            return;
        }
        Object want = CanonicalJson.toJava(expected);
        boolean equal = want instanceof BigDecimal w && actual instanceof BigDecimal a ? w.compareTo(a) == 0
                : java.util.Objects.equals(want, actual);
        if (!equal) out.add(path + " expected " + CanonicalJson.write(want) + ", got " + CanonicalJson.write(actual));
    }
}
