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
import dev.outlay.connectors.m365.M365Config;

import java.util.ArrayList;
import java.util.List;

/**
 * A Microsoft 365 tenant read through Microsoft Graph (kind {@code m365}) with an app registration: the Entra ID tenant
 * and the app's client id; the client secret is the sealed credential. {@code graphEndpoint} and {@code tokenEndpoint}
 * override Microsoft's (tests, sovereign clouds) only where custom endpoints are allowed; {@code accountName} labels the
 * charges (FOCUS BillingAccountName), the tenant id when absent.
 */
public record M365Settings(String tenantId, String clientId, String accountName, String graphEndpoint, String tokenEndpoint)
        implements ConnectionSettings {

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        try {
            M365Config.validate(tenantId, clientId);
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("config." + e.field(), e.getMessage()));
        }
        if (accountName != null && accountName.length() > 200) f.add(Problem.Fault.at("config.accountName", "at most 200 characters"));
        f.addAll(CustomEndpoint.faults("config.graphEndpoint", graphEndpoint, customEndpointsAllowed));
        f.addAll(CustomEndpoint.faults("config.tokenEndpoint", tokenEndpoint, customEndpointsAllowed));
        return f;
    }

    @Override
    public M365Settings normalised() {
        return new M365Settings(strip(tenantId), strip(clientId), strip(accountName), strip(graphEndpoint), strip(tokenEndpoint));
    }

    public M365Config config(ApiSecret secret) {
        return new M365Config(tenantId, clientId, secret.secret(), graphEndpoint, tokenEndpoint);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
