/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/violations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ViolationResource {

    @Inject
    ViolationService service;

    /** Reports observed spend; 201 with the violation when the policy objects, 200 {"violation": false} otherwise. */
    @Operation(operationId = "reportViolation", summary = "Report observed spend for policy triage",
            description = "Evaluates the policy on observed spend; 201 with the violation (and a triage process for its owner) "
                    + "when the policy objects, 200 with `violation: false` otherwise.")
    @POST
    @RolesAllowed({"finops_admin", "admin"})
    public Response observe(ViolationService.Observed in) {
        return service.observe(in)
                .map(v -> Response.status(201).header("Location", "/api/v1/violations/" + v.id()).entity(v).build())
                .orElseGet(() -> Response.ok(Map.of("violation", false)).build());
    }

    @Operation(operationId = "getViolation", summary = "Read a policy violation",
            description = "One recorded violation with its triage state.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public Violation get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
