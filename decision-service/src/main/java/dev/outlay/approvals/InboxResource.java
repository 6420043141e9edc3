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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/**
 * The caller's tasks. Approver roles see group tasks; requesters (platform, engineering) are here too because a
 * "more-info" decision assigns a task to them personally.
 */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"approver", "finance", "leadership", "finops_admin", "admin", "platform", "engineering"})
public class InboxResource {

    @Inject
    InboxService inbox;

    @Operation(operationId = "listInboxTasks", summary = "List my inbox tasks",
            description = "The approval, more-info and review tasks the caller's groups can act on, with the request they "
                    + "belong to.")
    @GET
    public List<InboxItem> list() {
        return inbox.list();
    }

    @Operation(operationId = "claimInboxTask", summary = "Claim an inbox task",
            description = "Makes the caller the task's owner so that others in the group see it taken.")
    @POST
    @Path("{taskId}/claim")
    public InboxItem claim(@PathParam("taskId") String taskId) {
        return inbox.claim(taskId);
    }

    @Operation(operationId = "releaseInboxTask", summary = "Release a claimed inbox task",
            description = "Gives a claimed task back to its group.")
    @POST
    @Path("{taskId}/release")
    public InboxItem release(@PathParam("taskId") String taskId) {
        return inbox.release(taskId);
    }

    @Operation(operationId = "completeInboxTask", summary = "Decide an inbox task",
            description = "Approves, rejects or asks for more information, with a comment. The decider is the token's subject, "
                    + "and a requester can never decide their own request (four-eyes).")
    @POST
    @Path("{taskId}/complete")
    public Map<String, Object> complete(@PathParam("taskId") String taskId, InboxDecision decision) {
        return inbox.complete(taskId, decision);
    }
}
