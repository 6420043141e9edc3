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
package dev.outlay.findings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Profiles as the finding-profiles DMN returns them, read from its golden scenarios (rules/finding-profiles), so the
 * engine's tests use exactly the bundled numbers.
 */
final class TestProfiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Path RULES = Path.of("..", "rules");

    private TestProfiles() {
    }

    @SuppressWarnings("unchecked")
    static ThresholdProfile load(String name) {
        try {
            for (JsonNode s : JSON.readTree(RULES.resolve("finding-profiles/scenarios/golden.json").toFile())) {
                if (s.get("inputs").get("profile").asText().equals(name)) {
                    Map<String, Object> outputs = JSON.convertValue(s.get("expect"), Map.class);
                    return ThresholdProfile.fromOutputs(name, "v-" + name, null, outputs);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no golden profile " + name);
    }
}
