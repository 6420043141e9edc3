/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.plans;

/** A tenant's plan: its tier and the limits in force (the tier's defaults unless the operator set others). */
public record Plan(String tier, PlanLimits limits) {

    public static Plan of(Tier tier) {
        return new Plan(tier.id(), tier.limits());
    }
}
