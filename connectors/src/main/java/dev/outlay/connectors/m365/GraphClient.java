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
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Microsoft Graph with an app-only token (OAuth 2.0 client credentials, scope {@code https://graph.microsoft.com/.default};
 * needs the application permissions Organization.Read.All or LicenseAssignment.Read.All, User.Read.All, and
 * AuditLog.Read.All for sign-in activity). Collections are followed through {@code @odata.nextLink}, which must stay
 * on the Graph host: the token is never sent anywhere a response names.
 */
final class GraphClient {

    /** Pages followed at most per collection (999 users a page: about a million users). */
    static final int MAX_PAGES = 1000;

    private final M365Config config;
    private final SaasHttp http;
    private String token;

    GraphClient(M365Config config, SaasHttp http) {
        this.config = config;
        this.http = http;
    }

    private String token() {
        if (token != null) return token;
        JsonNode t = http.postForm(URI.create(config.tokenUrl()), Map.of("grant_type", "client_credentials", "client_id", config.clientId(),
                "client_secret", config.clientSecret(), "scope", M365Config.GRAPH + "/.default"));
        String access = GraphJson.text(t, "access_token");
        if (access == null) throw GraphSku.malformed("POST " + URI.create(config.tokenUrl()).getRawPath(), "access_token", "missing from the token answer");
        token = access;
        return token;
    }

    /** Every item of a collection, page by page, parsed by {@code parser(page, where)}. */
    <T> List<T> list(String pathAndQuery, BiFunction<JsonNode, String, List<T>> parser) {
        List<T> out = new ArrayList<>();
        URI next = config.graph(pathAndQuery);
        URI base = URI.create(config.graphBase());
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) throw new SaasReadException(SaasReadException.Kind.MALFORMED, "GET " + next.getRawPath(), "more than " + MAX_PAGES + " pages", null);
            JsonNode body = http.get(next, token());
            out.addAll(parser.apply(body, "GET " + next.getRawPath() + (page == 0 ? "" : " (page " + (page + 1) + ")")));
            String link = GraphJson.text(body, "@odata.nextLink");
            next = link == null ? null : sameOrigin(base, link);
        }
        return out;
    }

    private static URI sameOrigin(URI base, String link) {
        URI u;
        try {
            u = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, "@odata.nextLink", "not a URL", e);
        }
        if (!base.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme())) || !base.getHost().equalsIgnoreCase(String.valueOf(u.getHost()))
                || base.getPort() != u.getPort()) {
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, "@odata.nextLink", "points off the Graph host (" + u.getHost() + ")", null);
        }
        return u;
    }
}
