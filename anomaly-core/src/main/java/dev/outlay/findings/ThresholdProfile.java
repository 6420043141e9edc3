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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The thresholds of one detection profile as the {@code finding-profiles} DMN returned them: numbers as BigDecimal,
 * lists as lists of strings, plus the same model's instance price list. The profile's version hash and decision id
 * go onto every finding so an audit can show which profile version (thresholds and prices) judged it.
 */
public record ThresholdProfile(String name, String versionHash, UUID decisionId, Map<String, Object> thresholds,
                               InstancePrices prices) {

    /** Output key of the finding-profiles DMN whose context holds the thresholds. */
    public static final String OUTPUT = "thresholds";

    public ThresholdProfile {
        Objects.requireNonNull(name, "name");
        thresholds = thresholds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(thresholds));
        prices = prices == null ? InstancePrices.empty() : prices;
    }

    /** From a decision's outputs: the {@code thresholds} context, or the outputs themselves when already unwrapped. */
    @SuppressWarnings("unchecked")
    public static ThresholdProfile fromOutputs(String name, String versionHash, UUID decisionId,
                                               Map<String, Object> dmnOutputs) {
        if (dmnOutputs == null) throw new IllegalArgumentException("profile " + name + " has no outputs");
        Object inner = dmnOutputs.get(OUTPUT);
        Map<String, Object> raw = inner instanceof Map<?, ?> m ? (Map<String, Object>) m : dmnOutputs;
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " returned no thresholds (unknown profile?)");
        }
        Map<String, Object> clean = new TreeMap<>();
        raw.forEach((k, v) -> clean.put(k, normalize(k, v)));
        return new ThresholdProfile(name, versionHash, decisionId, clean,
                InstancePrices.fromOutput(dmnOutputs.get(InstancePrices.OUTPUT)));
    }

    private static Object normalize(String key, Object v) {
        if (v == null || v instanceof BigDecimal || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            c.forEach(x -> out.add(String.valueOf(x)));
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("threshold " + key + " has an unsupported value " + v);
    }

    public BigDecimal number(String key) {
        Object v = thresholds.get(key);
        if (v instanceof BigDecimal b) return b;
        throw new IllegalArgumentException("profile " + name + " has no number threshold '" + key + "'");
    }

    public int integer(String key) {
        return number(key).intValueExact();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = thresholds.get(key);
        if (v instanceof List<?> l) return (List<String>) l;
        throw new IllegalArgumentException("profile " + name + " has no list threshold '" + key + "'");
    }

    /** Number thresholds only, for the DRL rows (lists are applied in Java: membership becomes a boolean). */
    public Map<String, BigDecimal> numbers() {
        Map<String, BigDecimal> out = new TreeMap<>();
        thresholds.forEach((k, v) -> {
            if (v instanceof BigDecimal b) out.put(k, b);
        });
        return out;
    }
}
