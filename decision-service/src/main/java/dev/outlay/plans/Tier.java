/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.plans;

/**
 * The pricing tiers and their default limits (docs/pricing-model.md). The priced metric is connected sources
 * (cloud accounts, subscriptions, projects, SaaS tenants: one connection each); null means unlimited. Seats and
 * ingested rows are metered, never limited, and no tier limits an optimization action.
 */
public enum Tier {
    FREE("free", 2),
    TEAM("team", 25),
    ENTERPRISE("enterprise", null);

    private final String id;
    private final Integer connectedSources;

    Tier(String id, Integer connectedSources) {
        this.id = id;
        this.connectedSources = connectedSources;
    }

    public String id() {
        return id;
    }

    public PlanLimits limits() {
        return new PlanLimits(connectedSources);
    }

    public static Tier of(String id) {
        for (Tier t : values()) if (t.id.equalsIgnoreCase(id.trim())) return t;
        throw new IllegalArgumentException("unknown tier " + id + " (free, team, enterprise)");
    }
}
