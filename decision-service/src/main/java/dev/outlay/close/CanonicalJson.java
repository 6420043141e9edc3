/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one JSON spelling the package hashes are taken over: UTF-8, no insignificant whitespace, object keys sorted
 * (at every depth, also inside stored reconciliation results whose key order PostgreSQL's jsonb does not keep),
 * decimals in plain notation without trailing zeros ({@code 100.10} and {@code 100.1} are one amount, one spelling),
 * nulls kept (an absent value is visible as such). A private mapper, so application-wide Jackson settings cannot
 * change the bytes.
 */
public final class CanonicalJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsString(canonical(MAPPER.valueToTree(value))).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as canonical JSON", e);
        }
    }

    public static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored close package inputs are not readable", e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    /** Plain, without trailing zeros, zero as {@code 0}: one spelling per amount. */
    public static BigDecimal normalize(BigDecimal v) {
        if (v == null) return null;
        if (v.signum() == 0) return BigDecimal.ZERO;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static JsonNode canonical(JsonNode n) {
        if (n == null) return JsonNodeFactory.instance.nullNode();
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode o = MAPPER.getNodeFactory().objectNode();
            for (String name : names) o.set(name, canonical(n.get(name)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = MAPPER.getNodeFactory().arrayNode();
            n.forEach(e -> a.add(canonical(e)));
            return a;
        }
        if (n.isNumber() && !n.isIntegralNumber()) {
            return MAPPER.getNodeFactory().numberNode(normalize(n.decimalValue()));
        }
        if (n.isBigInteger() || n.isLong() || n.isInt()) return n;
        return n;
    }
}
