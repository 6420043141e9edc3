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
package dev.outlay.connectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.DataQualityFlag;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a tags cell written as a JSON object (CUR 2.0 {@code resource_tags}, FOCUS {@code Tags}). */
public final class Tags {

    private static final JsonFactory JSON = new JsonFactory();

    private Tags() {
    }

    /**
     * Flat JSON object → map; scalar values become their text, nested values their JSON. Anything else is
     * kept under "_raw" and the row flagged, so a tag is never lost silently.
     */
    public static Map<String, String> parseJsonObject(String cell, ChargeBuilder out) {
        if (cell == null || cell.isBlank()) return Map.of();
        Map<String, String> tags = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(cell)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    tags.put(key, "");
                } else if (t == JsonToken.VALUE_NULL) {
                    tags.put(key, "");
                } else {
                    tags.put(key, p.getText());
                }
            }
            return tags;
        } catch (IOException e) {
            out.flag(DataQualityFlag.UNPARSABLE_TAGS);
            return Map.of("_raw", cell);
        }
    }
}
