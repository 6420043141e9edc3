/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bundled DRL rule set compiles (classic engine, as DrlCompiler does at run time, and executable model, as
 * Kogito's build reads the same file), follows the contract (global outputs, findings list sorted by detector) and
 * reproduces its golden scenarios, table-driven from scenarios/golden.json. Comparison follows the service's
 * GoldenScenarios: {@code expect} names a subset, objects recurse, numbers compare by value, a null asserts absence.
 */
class DrlScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> drlGoldenScenarios() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("scenarios/golden.json"))).sorted().toList()) {
                Path drl = singleDrl(dir);
                if (drl == null) continue;
                String text = Files.readString(drl);
                String set = dir.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(set + " compiles as an executable model", () -> {
                    KieBase exec = new KieHelper().addContent(text, ResourceType.DRL).build(ExecutableModelProject.class);
                    assertFalse(exec.getKiePackages().isEmpty());
                }));
                KieBase kieBase = classic(text);
                JsonNode scenarios = JSON.readTree(dir.resolve("scenarios/golden.json").toFile());
                tests.add(DynamicTest.dynamicTest(set + ": every scenario names the same inputs",
                        () -> sameInputs(scenarios)));
                for (JsonNode scenario : scenarios) {
                    tests.add(DynamicTest.dynamicTest(set + ": " + scenario.get("name").asText(),
                            () -> run(kieBase, scenario)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no DRL rule set with scenarios found under rules/");
        return tests.stream();
    }

    private static Path singleDrl(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".drl")).findFirst().orElse(null);
        }
    }

    private static KieBase classic(String text) {
        KieHelper helper = new KieHelper();
        helper.addContent(text, ResourceType.DRL);
        Results results = helper.verify();
        List<Message> errors = results.getMessages(Message.Level.ERROR);
        assertTrue(errors.isEmpty(), () -> "DRL errors: " + errors);
        KieBase kb = helper.build();
        assertTrue(kb.getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> g.getName().equals("outputs")), "global java.util.Map outputs is missing");
        return kb;
    }

    private static void sameInputs(JsonNode scenarios) {
        Set<String> first = null;
        for (JsonNode s : scenarios) {
            Set<String> keys = new TreeSet<>();
            s.get("inputs").fieldNames().forEachRemaining(keys::add);
            if (first == null) first = keys;
            assertEquals(first, keys, s.get("name").asText());
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(KieBase kieBase, JsonNode scenario) {
        Map<String, Object> inputs = (Map<String, Object>) toJava(scenario.get("inputs"));
        Map<String, Object> outputs = new HashMap<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("outputs", outputs);
        session.execute(new HashMap<>(inputs));
        Map<String, Object> out = (Map<String, Object>) normalize(outputs);
        List<Object> findings = (List<Object>) out.get("findings");
        List<String> detectors = new ArrayList<>();
        findings.forEach(f -> detectors.add((String) ((Map<String, Object>) f).get("detector")));
        assertEquals(detectors.stream().sorted().toList(), detectors, "findings sorted by detector");
        for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("expect").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            compare(e.getKey(), e.getValue(), out.get(e.getKey()), out);
        }
    }

    private static void compare(String path, JsonNode expected, Object actual, Object all) {
        if (expected.isObject()) {
            if (!(actual instanceof Map<?, ?> map)) {
                fail(path + " expected an object, got " + actual + " in " + all);
                return;
            }
            expected.fields().forEachRemaining(e -> compare(path + "." + e.getKey(), e.getValue(), map.get(e.getKey()), all));
            return;
        }
        Object want = toJava(expected);
        if (want instanceof BigDecimal w && actual instanceof BigDecimal a) {
            assertEquals(0, w.compareTo(a), path + " expected " + w + ", got " + a);
        } else {
            assertEquals(want, actual, () -> path + " in " + all);
        }
    }

    private static Object toJava(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return node.decimalValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) return node.textValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toJava(n)));
            return list;
        }
        Map<String, Object> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
        return map;
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Long) return BigDecimal.valueOf(((Number) value).longValue());
        return value;
    }
}
