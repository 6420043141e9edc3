/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import java.util.Map;

/**
 * The plans an operator can assign and the limits each starts with (an operator may override any of them per tenant).
 * Tenants that existed before plans did are on enterprise, without limits, so nothing changes for them.
 */
public final class PlanCatalog {

    public static final String FREE = "free";
    public static final String TEAM = "team";
    public static final String ENTERPRISE = "enterprise";

    static final Map<String, TenantLimits> DEFAULTS = Map.of(
            FREE, new TenantLimits(1L, 3L, 5L, 1_000_000L),
            TEAM, new TenantLimits(10L, 50L, 50L, 50_000_000L),
            ENTERPRISE, TenantLimits.NONE);

    private PlanCatalog() {
    }

    public static TenantLimits defaults(String plan) {
        TenantLimits l = DEFAULTS.get(plan);
        if (l == null) throw new TenantProvisioningRefusedException(422, "plan", "one of " + new java.util.TreeSet<>(DEFAULTS.keySet()));
        return l;
    }
}
