/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.gcp.GcpBigQueryConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant's Cloud Billing export lives (kind {@code gcp-bigquery}): the project the query runs in (and is
 * billed to), the export dataset and the table (standard {@code gcp_billing_export_v1_<ACCOUNT>} or detailed
 * {@code gcp_billing_export_resource_v1_<ACCOUNT>}). {@code endpoint} overrides the BigQuery API root (a test
 * server) where custom endpoints are allowed; only then may the key be omitted. Holds no credentials.
 */
public record GcpBigQuerySettings(String projectId, String dataset, String table, String endpoint) implements ConnectionSettings {

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        boolean custom = endpoint != null && !endpoint.isBlank();
        if (custom && !customEndpointsAllowed) {
            f.add(Problem.Fault.at("config.endpoint", "custom endpoints are disabled on this installation (outlay.connections.allow-custom-endpoints)"));
        } else if (custom && !AwsS3Settings.validHttpUrl(endpoint)) {
            f.add(Problem.Fault.at("config.endpoint", "an http(s) URL such as http://127.0.0.1:8089"));
        }
        try {
            // The reader's config owns the naming rules; a placeholder endpoint stands in for the key checked apart.
            new GcpBigQueryConfig(projectId, dataset, table, null, URI.create("http://settings.invalid"));
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("config." + e.field(), e.getMessage()));
        }
        return f;
    }

    @Override
    public GcpBigQuerySettings normalised() {
        return new GcpBigQuerySettings(projectId, dataset, table, endpoint == null || endpoint.isBlank() ? null : endpoint.trim());
    }

    boolean customEndpoint() {
        return endpoint != null;
    }

    /** The reader's config; {@code key} null only with an endpoint override. */
    public GcpBigQueryConfig config(GcpCredentials key) {
        return new GcpBigQueryConfig(projectId, dataset, table, key == null ? null : key.serviceAccountKey(),
                endpoint == null ? null : URI.create(endpoint));
    }
}
