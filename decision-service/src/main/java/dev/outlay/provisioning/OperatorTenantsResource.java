/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.tenancy.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The platform operator's tenant API. TenantFilter admits only a verified token with the operator role and no
 * tenant claim here (route class OPERATOR); @RolesAllowed checks the role again.
 */
@Path("/operator/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OPERATOR_ROLE)
public class OperatorTenantsResource {

    @Inject
    TenantProvisioning provisioning;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "operatorListTenants", summary = "List tenants", description = "Every tenant with status, plan and limits.")
    public List<TenantView> list() {
        return provisioning.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorCreateTenant", summary = "Create a tenant",
            description = "Registers the tenant (seeded like any new tenant) on a plan (default free) with the plan's limits or the ones given; 409 if the id exists. Audited in the new tenant's chain.")
    public Response create(TenantCreation body) {
        return Response.status(201).entity(provisioning.create(body, operator())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "operatorGetTenant", summary = "Read a tenant", description = "Status, plan and limits.")
    public TenantView get(@PathParam("id") String id) {
        return provisioning.view(id);
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorSuspendTenant", summary = "Suspend a tenant",
            description = "Its API, SCIM and console answer 403 until it is resumed; data and schedules are kept. Audited.")
    public TenantView suspend(@PathParam("id") String id, StatusChange body) {
        return provisioning.suspend(id, body, operator());
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorResumeTenant", summary = "Resume a tenant", description = "Restores access. Audited.")
    public TenantView resume(@PathParam("id") String id, StatusChange body) {
        return provisioning.resume(id, body, operator());
    }

    @PUT
    @Path("{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorSetTenantPlan", summary = "Change a tenant's plan and limits",
            description = "Limits absent take the plan's defaults. Audited with before and after.")
    public TenantView plan(@PathParam("id") String id, PlanChange body) {
        return provisioning.changePlan(id, body, operator());
    }

    private String operator() {
        return identity.getPrincipal().getName();
    }
}
