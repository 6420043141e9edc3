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

import dev.outlay.connectors.InvalidConfigException;

import java.net.URI;

/**
 * One Salesforce org read through the REST API with a connected app's client credentials flow (the app's "Run As"
 * user needs View Setup and Configuration to read licences). {@code instanceUrl} is the org's My Domain URL;
 * {@code tokenUrl} defaults to its {@code /services/oauth2/token}. The secret is never printed.
 */
public record SalesforceConfig(String instanceUrl, String clientId, String clientSecret, String apiVersion, String tokenUrl) {

    public static final String DEFAULT_API = "v62.0";

    public SalesforceConfig {
        validate(instanceUrl, clientId, apiVersion);
        if (clientSecret == null || clientSecret.isBlank()) throw new InvalidConfigException("secret", "the connected app's consumer secret is required");
        instanceUrl = instanceUrl.strip().replaceAll("/+$", "");
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API : apiVersion.strip();
        tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? instanceUrl + "/services/oauth2/token" : tokenUrl.strip();
    }

    /** The checks on the non-secret settings. */
    public static void validate(String instanceUrl, String clientId, String apiVersion) {
        URI u;
        try {
            u = instanceUrl == null ? null : URI.create(instanceUrl.strip());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getUserInfo() != null) {
            throw new InvalidConfigException("instanceUrl", "the org's My Domain URL, e.g. https://acme.my.salesforce.com");
        }
        if (clientId == null || !clientId.matches("[A-Za-z0-9._]{10,256}")) throw new InvalidConfigException("clientId", "the connected app's consumer key");
        if (apiVersion != null && !apiVersion.isBlank() && !apiVersion.strip().matches("v\\d{2,3}\\.0")) {
            throw new InvalidConfigException("apiVersion", "a REST API version such as " + DEFAULT_API);
        }
    }

    /** Whether the URL is on Salesforce's own hosts (anything else needs custom endpoints allowed). */
    public static boolean salesforceHost(String url) {
        try {
            URI u = URI.create(url.strip());
            String h = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
            return "https".equals(u.getScheme()) && (h.endsWith(".salesforce.com") || h.endsWith(".force.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SalesforceConfig[instance=" + instanceUrl + ", client=" + clientId + ", api=" + apiVersion + "]";
    }
}
