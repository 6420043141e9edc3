/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.policy.PolicyRequest;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/spend-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpendRequestResource {

    @Inject
    SpendRequestService service;

    /** 201 for allow/warn/escalate; a blocked request is recorded and answered 422 with the policy's reason. */
    @Operation(operationId = "createSpendRequest", summary = "Request guarded spend",
            description = "Evaluates the spend policy on the request and records it. 201 for allow, warn or escalate (an "
                    + "escalation starts an approval); a blocked request is recorded and answered 422 with the policy's "
                    + "reason.")
    @POST
    @RolesAllowed({"platform", "engineering", "finops_admin", "admin"})
    public Response create(PolicyRequest in) {
        SpendRequest r = service.create(in);
        if (SpendRequest.BLOCKED.equals(r.status())) return BlockedSpend.response(r, "request", r);
        return Response.status(201).header("Location", "/api/v1/spend-requests/" + r.id()).entity(r).build();
    }

    @Operation(operationId = "getSpendRequest", summary = "Read a spend request",
            description = "One spend request with the policy outcome and its approval state.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public SpendRequest get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @Operation(operationId = "getSpendRequestHistory", summary = "Read a spend request's history",
            description = "Every step of the request: policy decision, tasks, decisions and comments, in order.")
    @GET
    @Path("{id}/history")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
