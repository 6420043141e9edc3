/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tags read as PostgreSQL's {@code tags->>'key'} reads them for the service. */
class TagsJsonTest {

    @Test
    void valuesAsTheDatabaseGivesThem() {
        Map<String, String> t = TagsJson.parse("{\"Team\": \"Payments \", \"user:team\": \"\", \"n\": 5, \"gone\": null, \"x\": {\"a\": 1}}");
        assertEquals("Payments ", t.get("Team"), "kept as written: normalisation is the rule inputs' job");
        assertEquals("", t.get("user:team"));
        assertEquals("5", t.get("n"));
        assertTrue(!t.containsKey("gone"), "JSON null is no value, as ->> gives SQL NULL");
        assertEquals("{\"a\":1}", t.get("x"));
        assertTrue(TagsJson.parse(null).isEmpty());
        assertTrue(TagsJson.parse("[]").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> TagsJson.parse("{not json"));
    }
}
