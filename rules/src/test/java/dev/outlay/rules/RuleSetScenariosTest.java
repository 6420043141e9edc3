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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bundled DMN rule set validates cleanly and reproduces its golden scenarios. */
class RuleSetScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> goldenScenarios() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("scenarios/golden.json"))).sorted().toList()) {
                Path dmn = singleDmn(dir);
                if (dmn == null) continue;
                String xml = Files.readString(dmn);
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " validates", () -> assertValid(xml)));
                DMNRuntime runtime = compile(xml, dmn.getFileName().toString());
                DMNModel model = runtime.getModels().get(0);
                for (JsonNode scenario : JSON.readTree(dir.resolve("scenarios/golden.json").toFile())) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName() + ": " + scenario.get("name").asText(),
                            () -> runScenario(runtime, model, scenario)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no rule set with scenarios found under rules/");
        return tests.stream();
    }

    private static Path singleDmn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".dmn")).findFirst().orElse(null);
        }
    }

    private static void assertValid(String xml) {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        List<DMNMessage> messages = validator.validateUsing(
                DMNValidator.Validation.VALIDATE_SCHEMA,
                DMNValidator.Validation.VALIDATE_MODEL,
                DMNValidator.Validation.VALIDATE_COMPILATION,
                DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(new StringReader(xml));
        List<DMNMessage> errors = messages.stream().filter(m -> m.getLevel() == org.kie.api.builder.Message.Level.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> "validation errors: " + errors);
    }

    private static DMNRuntime compile(String xml, String name) {
        Resource resource = ResourceFactory.newReaderResource(new StringReader(xml), "UTF-8");
        resource.setSourcePath(name);
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults()
                .setOption(new RuntimeTypeCheckOption(true))
                .buildConfiguration()
                .fromResources(List.of(resource))
                .getOrElseThrow(e -> new IllegalStateException(e));
        DMNModel model = runtime.getModels().get(0);
        assertFalse(model.hasErrors(), () -> model.getMessages(DMNMessage.Severity.ERROR).toString());
        return runtime;
    }

    private static void runScenario(DMNRuntime runtime, DMNModel model, JsonNode scenario) {
        DMNContext ctx = runtime.newContext();
        scenario.get("inputs").fields().forEachRemaining(e -> ctx.set(e.getKey(), toJava(e.getValue())));
        DMNResult result = runtime.evaluateAll(model, ctx);
        assertFalse(result.hasErrors(), () -> result.getMessages(DMNMessage.Severity.ERROR).toString());
        for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("expect").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> decision = it.next();
            Object actual = result.getDecisionResultByName(decision.getKey()).getResult();
            assertNotNull(actual, "decision " + decision.getKey() + " gave no result");
            assertMatches(decision.getKey(), decision.getValue(), actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertMatches(String path, JsonNode expected, Object actual) {
        if (expected.isObject()) {
            Map<String, Object> map = (Map<String, Object>) actual;
            expected.fields().forEachRemaining(e -> assertMatches(path + "." + e.getKey(), e.getValue(), map.get(e.getKey())));
        } else if (expected.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo((BigDecimal) actual), path);
        } else if (expected.isArray()) {
            List<?> list = (List<?>) actual;
            assertEquals(expected.size(), list.size(), path + " size");
            for (int i = 0; i < expected.size(); i++) assertMatches(path + "[" + i + "]", expected.get(i), list.get(i));
        } else if (expected.isNull()) {
            assertEquals(null, actual, path);
        } else if (expected.isBoolean()) {
            assertEquals(expected.booleanValue(), actual, path);
        } else {
            assertEquals(expected.asText(), String.valueOf(actual), path);
        }
    }

    private static Object toJava(JsonNode node) {
        if (node.isNumber()) return node.decimalValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        return JSON.convertValue(node, Object.class);
    }
}
