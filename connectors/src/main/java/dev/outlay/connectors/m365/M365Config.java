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

import dev.outlay.connectors.InvalidConfigException;

import java.net.URI;

/**
 * One Microsoft 365 (Entra ID) tenant read with an app registration's client credentials. {@code graphBase} and
 * {@code tokenUrl} default to Microsoft's public cloud and are overridden only by tests and sovereign clouds.
 * The secret is never printed.
 */
public record M365Config(String tenantId, String clientId, String clientSecret, String graphBase, String tokenUrl) {

    public static final String GRAPH = "https://graph.microsoft.com";
    static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String DOMAIN = "[A-Za-z0-9][A-Za-z0-9-]{0,62}(\\.[A-Za-z0-9][A-Za-z0-9-]{0,62})+";

    public M365Config {
        validate(tenantId, clientId);
        if (clientSecret == null || clientSecret.isBlank()) throw new InvalidConfigException("secret", "the app registration's client secret is required");
        graphBase = graphBase == null || graphBase.isBlank() ? GRAPH : graphBase.strip().replaceAll("/+$", "");
        tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token" : tokenUrl.strip();
    }

    /** The checks on the non-secret settings, for a connection's validation before it has a secret. */
    public static void validate(String tenantId, String clientId) {
        if (tenantId == null || !(tenantId.matches(GUID) || tenantId.matches(DOMAIN))) {
            throw new InvalidConfigException("tenantId", "the Entra ID tenant id (a GUID) or its primary domain, e.g. contoso.onmicrosoft.com");
        }
        if (clientId == null || !clientId.matches(GUID)) throw new InvalidConfigException("clientId", "the app registration's application (client) id, a GUID");
    }

    URI graph(String pathAndQuery) {
        return URI.create(graphBase + pathAndQuery);
    }

    @Override
    public String toString() {
        return "M365Config[tenant=" + tenantId + ", client=" + clientId + ", graph=" + graphBase + "]";
    }
}
