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
    public static final String STRIPE = "stripe";
    public static final String OPENCOST = "opencost";
    static final List<String> KINDS = List.of(M365, SALESFORCE, STRIPE, OPENCOST);

    private SaasKinds() {
    }

    static boolean contains(String kind) {
        return kind != null && KINDS.contains(kind);
    }

    static Class<? extends ConnectionSettings> settingsType(String kind) {
        if (SALESFORCE.equals(kind)) return SalesforceSettings.class;
        if (STRIPE.equals(kind)) return StripeSettings.class;
        if (OPENCOST.equals(kind)) return OpenCostSettings.class;
        return M365.equals(kind) ? M365Settings.class : null;
    }

    static List<Problem.Fault> faults(ConnectionSettings config, ApiSecret secret, boolean creating, boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (config == null) f.add(Problem.Fault.at("config", "required: tenantId and clientId (m365), instanceUrl and clientId (salesforce), accountId (stripe), or endpoint and cluster (opencost)"));
        else f.addAll(config.faults(customEndpointsAllowed));
        if (secret != null) f.addAll(secret.faults());
        // An OpenCost API often has no authentication of its own (a cluster-internal service); its token is optional.
        else if (creating && !(config instanceof OpenCostSettings)) f.add(Problem.Fault.at("credentials", config instanceof StripeSettings
                ? "required: {\"secret\": a Stripe secret (sk_...) or restricted (rk_...) API key}" : "required: {\"secret\": the app's client (consumer) secret}"));
        return f;
    }
}
