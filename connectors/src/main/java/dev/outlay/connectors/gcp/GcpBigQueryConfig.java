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
package dev.outlay.connectors.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.ConnectorConfig;
import dev.outlay.connectors.InvalidConfigException;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where a billing export lives and how to reach it: the project that runs (and pays for) the query, the
 * dataset and table of the standard or detailed export, and a service-account key (JSON as Google issues it).
 * The key may be omitted only together with an endpoint override (a local test server, no credentials).
 * Validates in the constructor; {@link #toString()} never shows the key.
 */
public final class GcpBigQueryConfig implements ConnectorConfig {

    // Project ids: 6–30 chars, lowercase, digits, hyphens; legacy domain-scoped ids carry "domain:" in front.
    private static final Pattern PROJECT = Pattern.compile("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String projectId;
    private final String dataset;
    private final String table;
    private final String serviceAccountKeyJson;
    private final URI endpoint;

    public GcpBigQueryConfig(String projectId, String dataset, String table, String serviceAccountKeyJson, URI endpoint) {
        this.projectId = check("projectId", projectId, PROJECT, "a GCP project id (6–30 lowercase letters, digits, hyphens)");
        this.dataset = check("dataset", dataset, DATASET, "a BigQuery dataset name (letters, digits, underscores)");
        this.table = check("table", table, TABLE,
                "a BigQuery table name, e.g. gcp_billing_export_resource_v1_<BILLING_ACCOUNT_ID>");
        if (endpoint != null) {
            String scheme = endpoint.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
                throw new InvalidConfigException("endpoint", "endpoint must be an absolute http(s) URL");
            }
        }
        this.endpoint = endpoint;
        if (serviceAccountKeyJson == null || serviceAccountKeyJson.isBlank()) {
            if (endpoint == null) {
                throw new InvalidConfigException("serviceAccountKey", "a service-account key (JSON) is required");
            }
            this.serviceAccountKeyJson = null;
        } else {
            checkKey(serviceAccountKeyJson);
            this.serviceAccountKeyJson = serviceAccountKeyJson;
        }
    }

    private static String check(String field, String value, Pattern pattern, String what) {
        if (value == null || value.isBlank()) throw new InvalidConfigException(field, field + " is required");
        if (!pattern.matcher(value).matches()) throw new InvalidConfigException(field, field + " must be " + what);
        return value;
    }

    private static void checkKey(String json) {
        JsonNode key;
        try {
            key = JSON.readTree(json);
        } catch (IOException e) {
            // The parser's message would quote the key's text: keep it out.
            throw new InvalidConfigException("serviceAccountKey", "serviceAccountKey is not valid JSON");
        }
        if (key == null || !key.isObject() || !"service_account".equals(key.path("type").asText())) {
            throw new InvalidConfigException("serviceAccountKey", "serviceAccountKey must be a key of type \"service_account\"");
        }
        for (String field : new String[]{"client_email", "private_key"}) {
            if (key.path(field).asText("").isBlank()) {
                throw new InvalidConfigException("serviceAccountKey", "serviceAccountKey has no " + field);
            }
        }
    }

    public String projectId() {
        return projectId;
    }

    public String dataset() {
        return dataset;
    }

    public String table() {
        return table;
    }

    /** Null when no key was given (only with an endpoint override). */
    public String serviceAccountKeyJson() {
        return serviceAccountKeyJson;
    }

    /** Null for Google's endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /** "project.dataset.table", as error messages name the source. */
    public String tableReference() {
        return projectId + "." + dataset + "." + table;
    }

    @Override
    public String toString() {
        return "GcpBigQueryConfig[table=" + tableReference()
                + ", serviceAccountKey=" + (serviceAccountKeyJson == null ? "none" : "***")
                + (endpoint == null ? "" : ", endpoint=" + endpoint) + "]";
    }
}
