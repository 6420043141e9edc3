/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.plans;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Map;

@ConfigMapping(prefix = "outlay.plans")
public interface PlansConfig {

    /**
     * OUTLAY_PLANS_DEFAULT_TIER: the tier of a tenant without its own (free, team, enterprise). Enterprise, so a
     * self-hosted installation is not limited unless its operator says so.
     */
    @WithName("default-tier")
    @WithDefault("enterprise")
    String defaultTier();

    /** outlay.plans.tenants."&lt;tenant&gt;"=free|team|enterprise: a tenant's tier. */
    Map<String, String> tenants();
}
