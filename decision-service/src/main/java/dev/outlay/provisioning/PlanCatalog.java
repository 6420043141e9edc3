/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.plans.Tier;

import java.util.Map;

/**
 * The plans an operator can assign and the limits each starts with (an operator may override any of them per tenant).
 * Connected sources, the one priced and enforced metric, come from {@link Tier} so a pinned tier and a provisioned
 * plan of the same name allow the same; accounts, seats and rows start unlimited because pricing never limits them
 * (docs/pricing-model.md) — an operator may still record a contractual figure, which metering reports, not enforces.
 * Tenants that existed before plans did are on enterprise, without limits, so nothing changes for them.
 */
public final class PlanCatalog {

    public static final String FREE = "free";
    public static final String TEAM = "team";
    public static final String ENTERPRISE = "enterprise";

    static final Map<String, TenantLimits> DEFAULTS = Map.of(
            FREE, fromTier(Tier.FREE),
            TEAM, fromTier(Tier.TEAM),
            ENTERPRISE, TenantLimits.NONE);

    private PlanCatalog() {
    }

    private static TenantLimits fromTier(Tier tier) {
        Integer sources = tier.limits().connectedSources();
        return new TenantLimits(sources == null ? null : sources.longValue(), null, null, null);
    }

    public static TenantLimits defaults(String plan) {
        TenantLimits l = DEFAULTS.get(plan);
        if (l == null) throw new TenantProvisioningRefusedException(422, "plan", "one of " + new java.util.TreeSet<>(DEFAULTS.keySet()));
        return l;
    }
}
