/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.plans.Plan;
import dev.outlay.plans.PlanLimits;
import dev.outlay.plans.PlanLookup;
import dev.outlay.plans.PlansConfig;
import dev.outlay.plans.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The plan metering enforces, from the operator's provisioning: a tenant's configured tier
 * ({@code outlay.plans.tenants."<tenant>"}) wins, so an installation can pin a tenant without the API; otherwise the
 * plan and limits the operator set on the tenant ({@link TenantPlans}); a tenant without a row gets the default tier.
 */
@ApplicationScoped
public class ProvisionedPlans implements PlanLookup {

    @Inject
    PlansConfig config;

    @Inject
    TenantPlans plans;

    @Override
    public Plan planOf(String tenantId) {
        String pinned = config.tenants().get(tenantId);
        if (pinned != null) return Plan.of(Tier.of(pinned));
        return plans.of(tenantId)
                .map(p -> new Plan(p.plan(), new PlanLimits(p.limits().connectedSources() == null ? null
                        : Math.toIntExact(p.limits().connectedSources()))))
                .orElseGet(() -> Plan.of(Tier.of(config.defaultTier())));
    }
}
