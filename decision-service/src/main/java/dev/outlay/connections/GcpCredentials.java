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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service-account key (the JSON Google issues) of a {@code gcp-bigquery} connection. Its role needs
 * BigQuery Job User on the query project and Data Viewer on the export dataset.
 */
public record GcpCredentials(String serviceAccountKey) implements ConnectionSecret {

    static final Map<String, String> MASK = Map.of("serviceAccountKey", "***");

    @Override
    public List<Problem.Fault> faults() {
        List<Problem.Fault> f = new ArrayList<>();
        if (serviceAccountKey == null || serviceAccountKey.isBlank() || serviceAccountKey.length() > 16_384) {
            f.add(Problem.Fault.at("credentials.serviceAccountKey", "the service-account key JSON (as a string) is required"));
            return f;
        }
        try {
            // The key's checks live with the reader's config; the table names here only satisfy its constructor.
            new GcpBigQueryConfig("key-check", "d", "t", serviceAccountKey, null);
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("credentials.serviceAccountKey", e.getMessage()));
        }
        return f;
    }

    @Override
    public Map<String, String> mask() {
        return MASK;
    }

    @Override
    public String toString() {
        return "GcpCredentials[***]";
    }
}
