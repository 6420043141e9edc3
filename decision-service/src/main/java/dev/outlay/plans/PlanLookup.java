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
 * Where a tenant's plan comes from. {@link ConfiguredPlans} (configuration) is the default bean; the tenant
 * provisioning API's stored plan replaces it by providing another bean of this type.
 */
public interface PlanLookup {

    Plan planOf(String tenantId);
}
