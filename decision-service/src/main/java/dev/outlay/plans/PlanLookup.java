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
 * Where a tenant's plan comes from: {@code dev.outlay.provisioning.ProvisionedPlans} (a pinned tier from
 * configuration, else the operator's stored plan, else the default tier). An interface so metering does not depend
 * on provisioning.
 */
public interface PlanLookup {

    Plan planOf(String tenantId);
}
