/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds published events to the JSON Schemas in docs/events/: the envelope's and the data's required fields are
 * there and nothing undocumented is (a field added to a record fails here until the doc has it).
 */
final class DocumentedSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("..", "docs", "events");

    private DocumentedSchemas() {
    }

    static void check(JsonNode envelope) {
        conforms(envelope, read("envelope.schema.json"), "envelope");
        String file = envelope.get("kind").asText() + ".v" + envelope.get("schemaVersion").asInt() + ".schema.json";
        conforms(envelope.get("data"), read(file), file);
    }

    private static void conforms(JsonNode value, JsonNode schema, String what) {
        for (JsonNode r : schema.path("required")) {
            assertTrue(value.has(r.asText()), what + ": required " + r.asText() + " missing in " + value);
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            assertTrue(schema.path("properties").has(f), what + ": field " + f + " is not documented");
        }
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("docs/events/" + file, e);
        }
    }
}
