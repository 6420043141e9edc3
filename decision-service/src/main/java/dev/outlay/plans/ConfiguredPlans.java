/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.plans;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Plans from configuration: a tenant's own tier, else the default tier; limits are the tier's. */
@ApplicationScoped
@DefaultBean
public class ConfiguredPlans implements PlanLookup {

    @Inject
    PlansConfig config;

    @Override
    public Plan planOf(String tenantId) {
        String tier = config.tenants().getOrDefault(tenantId, config.defaultTier());
        return Plan.of(Tier.of(tier));
    }
}
