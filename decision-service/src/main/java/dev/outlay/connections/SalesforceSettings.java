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
import dev.outlay.connectors.salesforce.SalesforceConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A Salesforce org read through the REST API (kind {@code salesforce}) with a connected app's client credentials
 * flow: the org's My Domain URL and the consumer key; the consumer secret is the sealed credential. An instance or
 * token URL off Salesforce's own hosts (tests, proxies) needs custom endpoints allowed.
 */
public record SalesforceSettings(String instanceUrl, String clientId, String apiVersion, String accountName, String tokenEndpoint)
        implements ConnectionSettings {

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        try {
            SalesforceConfig.validate(instanceUrl, clientId, apiVersion);
            if (!SalesforceConfig.salesforceHost(instanceUrl)) f.addAll(CustomEndpoint.faults("config.instanceUrl", instanceUrl, customEndpointsAllowed));
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("config." + e.field(), e.getMessage()));
        }
        if (accountName != null && accountName.length() > 200) f.add(Problem.Fault.at("config.accountName", "at most 200 characters"));
        f.addAll(CustomEndpoint.faults("config.tokenEndpoint", tokenEndpoint, customEndpointsAllowed));
        return f;
    }

    @Override
    public SalesforceSettings normalised() {
        return new SalesforceSettings(strip(instanceUrl), strip(clientId), strip(apiVersion), strip(accountName), strip(tokenEndpoint));
    }

    public SalesforceConfig config(ApiSecret secret) {
        return new SalesforceConfig(instanceUrl, clientId, secret.secret(), apiVersion, tokenEndpoint);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
