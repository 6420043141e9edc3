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

import java.util.ArrayList;
import java.util.List;

/**
 * The connection kinds of SaaS licence sources: their settings type, and a single sealed secret as credentials
 * ({@link ApiSecret}) instead of an AWS key pair.
 */
public final class SaasKinds {

    public static final String M365 = "m365";
    public static final String SALESFORCE = "salesforce";
    static final List<String> KINDS = List.of(M365, SALESFORCE);

    private SaasKinds() {
    }

    static boolean contains(String kind) {
        return kind != null && KINDS.contains(kind);
    }

    static Class<? extends ConnectionSettings> settingsType(String kind) {
        if (SALESFORCE.equals(kind)) return SalesforceSettings.class;
        return M365.equals(kind) ? M365Settings.class : null;
    }

    static List<Problem.Fault> faults(ConnectionSettings config, ApiSecret secret, boolean creating, boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (config == null) f.add(Problem.Fault.at("config", "required: tenantId and clientId (m365) or instanceUrl and clientId (salesforce)"));
        else f.addAll(config.faults(customEndpointsAllowed));
        if (secret != null) f.addAll(secret.faults());
        else if (creating) f.add(Problem.Fault.at("credentials", "required: {\"secret\": the app's client (consumer) secret}"));
        return f;
    }
}
