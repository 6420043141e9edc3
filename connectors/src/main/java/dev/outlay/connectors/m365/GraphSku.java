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
import dev.outlay.connectors.saas.SaasReadException;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of Graph's {@code GET /v1.0/subscribedSkus}: {@code prepaidUnits.enabled} are the seats bought and in
 * force, {@code consumedUnits} those assigned. Suspended and warning units (a lapsed or lapsing subscription) are
 * not counted as bought. A null {@code prepaidUnits} (seen on free self-service SKUs) is zero bought.
 */
record GraphSku(String skuId, String skuPartNumber, String capabilityStatus, long enabled, long consumed) {

    static List<GraphSku> parse(JsonNode page, String where) {
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) throw malformed(where, "value", "an array of SKUs expected");
        List<GraphSku> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode s = value.get(i);
            String at = "value[" + i + "]";
            String id = GraphJson.text(s, "skuId");
            String part = GraphJson.text(s, "skuPartNumber");
            if (id == null) throw malformed(where, at + ".skuId", "missing");
            if (part == null) throw malformed(where, at + ".skuPartNumber", "missing");
            JsonNode prepaid = s.get("prepaidUnits");
            long enabled = prepaid == null || prepaid.isNull() ? 0 : GraphJson.count(prepaid, "enabled", where, at + ".prepaidUnits.enabled");
            out.add(new GraphSku(id, part, GraphJson.text(s, "capabilityStatus"), enabled, GraphJson.count(s, "consumedUnits", where, at + ".consumedUnits")));
        }
        return out;
    }

    static SaasReadException malformed(String where, String field, String message) {
        return new SaasReadException(SaasReadException.Kind.MALFORMED, where, field + ": " + message, null);
    }
}
