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
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SOQL over the REST API ({@code GET /services/data/vNN.0/query?q=}) with a client-credentials token; results are
 * followed through {@code nextRecordsUrl} (a path on the same instance) until {@code done}.
 */
final class SoqlClient {

    static final int MAX_PAGES = 1000;

    private final SalesforceConfig config;
    private final SaasHttp http;
    private String token;

    SoqlClient(SalesforceConfig config, SaasHttp http) {
        this.config = config;
        this.http = http;
    }

    private String token() {
        if (token != null) return token;
        JsonNode t = http.postForm(URI.create(config.tokenUrl()), Map.of("grant_type", "client_credentials",
                "client_id", config.clientId(), "client_secret", config.clientSecret()));
        JsonNode access = t.get("access_token");
        if (access == null || !access.isTextual() || access.asText().isBlank()) {
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, "POST " + URI.create(config.tokenUrl()).getRawPath(),
                    "access_token: missing from the token answer", null);
        }
        token = access.asText();
        return token;
    }

    /** Every record of a query; {@code what} names the query in faults (e.g. {@code UserLicense}). */
    List<JsonNode> query(String soql, String what) {
        List<JsonNode> out = new ArrayList<>();
        String path = "/services/data/" + config.apiVersion() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
        for (int page = 0; path != null; page++) {
            String where = "GET /services/data/" + config.apiVersion() + "/query (" + what + (page == 0 ? "" : ", page " + (page + 1)) + ")";
            if (page == MAX_PAGES) throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, "more than " + MAX_PAGES + " pages", null);
            JsonNode body = http.get(URI.create(config.instanceUrl() + path), token(), where);
            JsonNode records = body.get("records");
            if (records == null || !records.isArray()) throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, "records: an array expected", null);
            records.forEach(out::add);
            JsonNode next = body.get("nextRecordsUrl");
            boolean done = body.path("done").asBoolean(true);
            if (done || next == null || next.isNull()) {
                path = null;
            } else if (!next.asText().startsWith("/services/data/")) {
                // The token goes only to this instance: a next URL elsewhere is not followed.
                throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, "nextRecordsUrl is not a path of this instance: " + next.asText(), null);
            } else {
                path = next.asText();
            }
        }
        return out;
    }
}
