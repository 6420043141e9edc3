/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ledger row's {@code tags} (jsonb, read as its text) as the key → value strings PostgreSQL's {@code tags->>'key'}
 * gives the service: a string value as is, JSON null as no value, any other value as its JSON text.
 */
final class TagsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TagsJson() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isBlank()) return out;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a ledger row's tags are not JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) continue;
            out.put(e.getKey(), v.isTextual() ? v.textValue() : v.toString());
        }
        return out;
    }
}
