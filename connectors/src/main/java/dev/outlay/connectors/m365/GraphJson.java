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
package dev.outlay.connectors.m365;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access on Graph answers: absent and JSON null are the same, a wrong type is a malformed answer. */
final class GraphJson {

    private GraphJson() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }

    /** A whole, non-negative count; absent or null is 0. */
    static long count(JsonNode n, String field, String where, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return 0;
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) throw GraphSku.malformed(where, at, "a whole number of at least 0 expected, got " + v);
        return v.asLong();
    }
}
