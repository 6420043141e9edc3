/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Canonical JSON for stored SCIM attributes (sorted keys: same resource, same bytes) and the value quirks IdPs send. */
final class ScimJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true).build();

    private ScimJson() {
    }

    static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode read(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SCIM attributes are not JSON", e);
        }
    }

    /**
     * A boolean attribute as sent: JSON booleans, and the strings "True"/"False" Entra ID sends in PATCH values
     * (any case). Anything else is refused.
     */
    static boolean bool(ObjectNode node, String name, boolean absent) {
        String key = ScimPatch.key(node, name);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            node.remove(key);
            return absent;
        }
        boolean b;
        if (v.isBoolean()) {
            b = v.booleanValue();
        } else if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            b = v.asText().toLowerCase(Locale.ROOT).equals("true");
        } else {
            throw ScimException.invalidValue("'" + name + "' must be a boolean, not " + v + ".");
        }
        node.remove(key);
        node.set(name, BooleanNode.valueOf(b));
        return b;
    }

    /** An optional string attribute (under its canonical spelling); blank counts as absent. */
    static String string(ObjectNode node, String name) {
        String key = ScimPatch.key(node, name);
        JsonNode v = node.get(key);
        node.remove(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ScimException.invalidValue("'" + name + "' must be a string.");
        if (v.asText().isBlank()) return null;
        if (v.asText().length() > 1024) throw ScimException.invalidValue("'" + name + "' is longer than 1024 characters.");
        node.put(name, v.asText());
        return v.asText();
    }

    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** RFC 7644 §3.14: If-Match with a version other than the current one is 412; "*" and absence match. */
    static void checkIfMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) return;
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag(version)) || t.equals("\"" + version + "\"")) return;
        }
        throw ScimException.preconditionFailed("The resource is at version " + etag(version) + ", not " + ifMatch.trim() + ".");
    }
}
