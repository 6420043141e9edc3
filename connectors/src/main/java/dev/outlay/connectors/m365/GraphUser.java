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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One user of Graph's {@code GET /v1.0/users?$select=id,department,accountEnabled,assignedLicenses,signInActivity}:
 * the SKUs assigned to them (the same skuIds {@code /users/{id}/licenseDetails} lists, in one paged read instead of one
 * request per user), their department (the owner of their seats) and their newest sign-in, interactive or not.
 */
record GraphUser(String id, String department, List<String> skuIds, Instant lastSignIn) {

    static List<GraphUser> parse(JsonNode page, String where) {
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) throw GraphSku.malformed(where, "value", "an array of users expected");
        List<GraphUser> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode u = value.get(i);
            String at = "value[" + i + "]";
            String id = GraphJson.text(u, "id");
            if (id == null) throw GraphSku.malformed(where, at + ".id", "missing");
            List<String> skus = new ArrayList<>();
            JsonNode assigned = u.get("assignedLicenses");
            if (assigned != null && !assigned.isNull()) {
                if (!assigned.isArray()) throw GraphSku.malformed(where, at + ".assignedLicenses", "an array expected");
                for (JsonNode l : assigned) {
                    String sku = GraphJson.text(l, "skuId");
                    if (sku != null && !skus.contains(sku)) skus.add(sku);
                }
            }
            out.add(new GraphUser(id, GraphJson.text(u, "department"), skus, lastSignIn(u.get("signInActivity"), where, at)));
        }
        return out;
    }

    /** The newest of the sign-in timestamps; null when Graph has none (never signed in, or activity not read). */
    private static Instant lastSignIn(JsonNode activity, String where, String at) {
        if (activity == null || activity.isNull()) return null;
        Instant newest = null;
        for (String f : List.of("lastSignInDateTime", "lastNonInteractiveSignInDateTime", "lastSuccessfulSignInDateTime")) {
            String v = GraphJson.text(activity, f);
            if (v == null) continue;
            try {
                Instant t = OffsetDateTime.parse(v).toInstant();
                if (newest == null || t.isAfter(newest)) newest = t;
            } catch (DateTimeParseException e) {
                throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, at + ".signInActivity." + f + ": not a date/time: " + v, e);
            }
        }
        return newest;
    }
}
