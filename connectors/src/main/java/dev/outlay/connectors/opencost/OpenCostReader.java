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
package dev.outlay.connectors.opencost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads days [from, to) of a cluster's allocations from an OpenCost-compatible API in one request:
 * {@code GET /allocation/compute?window=<from>,<to>&aggregate=namespace,controller&step=1d&accumulate=false&includeIdle=true}.
 * The answer ({@code {"code":200,"data":[{name: allocation}, ...]}}) has one set per step; each allocation names its
 * own window, which must be exactly one UTC day inside the request. Costs are read as the decimals OpenCost printed
 * (not through a double). Anything else (another code, a window off the days, a cost that is not a number) fails
 * the whole read: nothing of it is used.
 */
public final class OpenCostReader {

    private final OpenCostConfig config;
    private final SaasHttp http;

    public OpenCostReader(OpenCostConfig config, SaasHttp http) {
        this.config = config;
        this.http = http;
    }

    public List<OpenCostAllocation> read(LocalDate from, LocalDate to) {
        String window = from.atStartOfDay(ZoneOffset.UTC).toInstant() + "," + to.atStartOfDay(ZoneOffset.UTC).toInstant();
        String where = "GET /allocation/compute (" + from + " to " + to + ")";
        JsonNode body = http.get(config.uri("/allocation/compute?window=" + URLEncoder.encode(window, StandardCharsets.UTF_8)
                + "&aggregate=namespace,controller&step=1d&accumulate=false&includeIdle=true"), config.token(), where);
        int code = body.path("code").asInt(200);
        if (code != 200) {
            throw new SaasReadException(code == 401 || code == 403 ? SaasReadException.Kind.CREDENTIALS_REJECTED : SaasReadException.Kind.REJECTED,
                    where, "OpenCost answered code " + code + ": " + body.path("message").asText(""), null);
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) throw malformed(where, "no data array");
        Map<String, OpenCostAllocation> out = new LinkedHashMap<>();
        for (JsonNode set : data) {
            // OpenCost answers a step with nothing in it as null (or an empty object).
            if (set == null || set.isNull()) continue;
            if (!set.isObject()) throw malformed(where, "a step that is not an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                OpenCostAllocation a = allocation(e.getKey(), e.getValue(), from, to, where);
                if (out.putIfAbsent(a.day() + "|" + a.name(), a) != null) throw malformed(where, "allocation " + a.name() + " twice on " + a.day());
            }
        }
        return List.copyOf(out.values());
    }

    private static OpenCostAllocation allocation(String key, JsonNode n, LocalDate from, LocalDate to, String where) {
        JsonNode w = n.path("window");
        LocalDate day;
        try {
            Instant start = OffsetDateTime.parse(w.path("start").asText(n.path("start").asText())).toInstant();
            Instant end = OffsetDateTime.parse(w.path("end").asText(n.path("end").asText())).toInstant();
            day = start.atZone(ZoneOffset.UTC).toLocalDate();
            if (!start.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant()) || !end.equals(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                throw malformed(where, key + ": window " + start + " to " + end + " is not one UTC day");
            }
        } catch (DateTimeParseException e) {
            throw malformed(where, key + ": window without RFC 3339 start and end");
        }
        if (day.isBefore(from) || !day.isBefore(to)) throw malformed(where, key + ": window " + day + " outside the days asked for");
        JsonNode p = n.path("properties");
        String name = n.path("name").asText(key);
        String namespace = text(p, "namespace");
        if (namespace == null && !name.startsWith("__")) namespace = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        Map<String, String> labels = new TreeMap<>();
        // Namespace labels first, so a workload's own label of the same key wins (OpenCost's own precedence).
        p.path("namespaceLabels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
        p.path("labels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        for (String field : OpenCostAllocation.COSTS) {
            JsonNode c = n.get(field);
            if (c == null || c.isNull()) continue;
            if (!c.isNumber()) throw malformed(where, key + ": " + field + " is not a number");
            costs.put(field, c.decimalValue());
        }
        return new OpenCostAllocation(day, name, namespace, text(p, "controllerKind"), text(p, "controller"), labels, costs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static SaasReadException malformed(String where, String what) {
        return new SaasReadException(SaasReadException.Kind.MALFORMED, where, what, null);
    }
}
