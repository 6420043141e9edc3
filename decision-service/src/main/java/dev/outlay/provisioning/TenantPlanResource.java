/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant reads its own plan and limits (set by the platform operator). */
@Path("/api/v1/tenant/plan")
@Produces(MediaType.APPLICATION_JSON)
public class TenantPlanResource {

    @Inject
    TenantPlans plans;

    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "auditor"})
    @Operation(operationId = "getTenantPlan", summary = "Read the tenant's plan", description = "Plan name and limits (absent = no limit).")
    public TenantPlan get() {
        return plans.current();
    }
}
