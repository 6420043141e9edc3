/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON form of decision inputs and outputs: keys sorted, numbers as BigDecimal written in plain notation,
 * dates and durations as their ISO text. Logged values are this text, so replay can compare byte for byte and the
 * same inputs under the same version always produce the same bytes, whatever JVM or restart computed them.
 */
public final class CanonicalJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private CanonicalJson() {
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** JSON to the values FEEL works with: every number becomes a BigDecimal (exactly as written). */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isNumber()) return node.decimalValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) return node.textValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toJava(n)));
            return list;
        }
        Map<String, Object> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), toJava(e.getValue()));
        }
        return map;
    }

    /** Engine results to plain JSON-able values (sorted maps, BigDecimal, String, Boolean, lists, null). */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) return value;
        if (value instanceof BigInteger bi) return new BigDecimal(bi);
        if (value instanceof Double || value instanceof Float) return new BigDecimal(value.toString());
        if (value instanceof Number n) return BigDecimal.valueOf(n.longValue());
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount || value instanceof Enum<?>) return value.toString();
        return value.toString();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(normalize(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not serialisable as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        try {
            return (Map<String, Object>) toJava(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not readable", e);
        }
    }
}
