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
package dev.outlay.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.connectors.saas.SaasReadException;

/** Typed fields of SOQL records: null and absent alike, a wrong type a malformed answer naming record and field. */
final class SoqlFields {

    private SoqlFields() {
    }

    static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static String required(JsonNode record, String field, String what, int index) {
        String v = text(record, field);
        if (v == null) throw fault(what, index, field, "missing");
        return v;
    }

    static long count(JsonNode record, String field, String what, int index) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) return 0;
        if (!v.isIntegralNumber() || v.asLong() < 0) throw fault(what, index, field, "a whole number of at least 0 expected, got " + v);
        return v.asLong();
    }

    static SaasReadException fault(String what, int index, String field, String message) {
        return new SaasReadException(SaasReadException.Kind.MALFORMED, "SOQL " + what, "records[" + index + "]." + field + ": " + message, null);
    }
}
