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
import dev.outlay.connectors.opencost.OpenCostConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes cluster's OpenCost-compatible allocation API (kind {@code opencost}): its base URL (the service's
 * {@code :9003} API, or a Kubecost frontend's {@code /model}), the cluster's name (FOCUS SubAccountId of its rows),
 * and the cloud account whose bill carries the cluster's nodes ({@code nodeAccountId}, shown on the rows so a
 * report can tell which bill they re-slice), and the currency OpenCost prices in (USD unless set). An optional bearer token is the sealed credential. The endpoint is
 * inside the company's network by nature, so it is a custom endpoint: allowed only where the installation allows them.
 */
public record OpenCostSettings(String endpoint, String cluster, String nodeAccountId, String currency, Integer backfillMonths)
        implements ConnectionSettings {

    static final String CLUSTER = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    /** OpenCost keeps what its Prometheus keeps (15 days by default); more than three months back is rarely there. */
    static final int MAX_BACKFILL = 3;

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (endpoint == null || endpoint.isBlank()) f.add(Problem.Fault.at("config.endpoint", "required: the OpenCost API's base URL"));
        else f.addAll(CustomEndpoint.faults("config.endpoint", endpoint, customEndpointsAllowed));
        if (cluster == null || !cluster.strip().matches(CLUSTER)) f.add(Problem.Fault.at("config.cluster", "required: the cluster's name, 1-63 letters, digits, '.', '_' or '-'"));
        if (nodeAccountId != null && nodeAccountId.length() > 200) f.add(Problem.Fault.at("config.nodeAccountId", "at most 200 characters"));
        if (currency != null && !currency.strip().matches("[A-Z]{3}")) f.add(Problem.Fault.at("config.currency", "the ISO 4217 code OpenCost is configured with, e.g. USD"));
        if (backfillMonths != null && (backfillMonths < 0 || backfillMonths > MAX_BACKFILL)) f.add(Problem.Fault.at("config.backfillMonths", "0 to " + MAX_BACKFILL + " months"));
        return f;
    }

    @Override
    public OpenCostSettings normalised() {
        return new OpenCostSettings(strip(endpoint), strip(cluster), strip(nodeAccountId), currency == null || currency.isBlank() ? "USD" : currency.strip(),
                backfillMonths == null ? 1 : backfillMonths);
    }

    public OpenCostConfig config(ApiSecret token) {
        return new OpenCostConfig(endpoint, token == null ? null : token.secret(), cluster);
    }

    /** The rows' BillingAccountId: the account billing the nodes, else the cluster. */
    public String accountId() {
        return nodeAccountId == null ? "k8s:" + cluster : nodeAccountId;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
