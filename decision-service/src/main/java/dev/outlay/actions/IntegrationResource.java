/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;

/** Outgoing integration connections of the caller's tenant (admin); secrets go in, never come out. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class IntegrationResource {

    @Inject
    IntegrationService integrations;

    @Operation(operationId = "listIntegrations", summary = "List outgoing integrations",
            description = "The tenant's connections to Jira, Slack, Teams and pipelines, without their secrets.")
    @GET
    public List<Integration> list() {
        return integrations.list();
    }

    @Operation(operationId = "createIntegration", summary = "Create an outgoing integration",
            description = "Registers a Jira, Slack, Teams or pipeline connection; answers 201 with it and its Location.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(IntegrationInput in) {
        Integration i = integrations.create(in);
        return Response.status(201).header("Location", "/api/v1/integrations/" + i.id()).entity(i).build();
    }

    @Operation(operationId = "deleteIntegration", summary = "Delete an outgoing integration",
            description = "Removes the integration; answers 204.")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        integrations.delete(id);
        return Response.noContent().build();
    }

    /** Replaces the Slack user → Outlay user map of a Slack connection. */
    @Operation(operationId = "setIntegrationUsers", summary = "Replace a Slack connection's user map",
            description = "The whole Slack user id to Outlay user map of a Slack integration, replaced by the body (a JSON "
                    + "object).")
    @PUT
    @Path("{id}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Integration users(@PathParam("id") UUID id, java.util.Map<String, String> users) {
        return integrations.users(id, users);
    }

    @Operation(operationId = "testIntegration", summary = "Send a test message through an integration",
            description = "Sends one test message through the integration now and answers the evidence of what the other side "
                    + "said.")
    @POST
    @Path("{id}/test")
    public Evidence test(@PathParam("id") UUID id) {
        return integrations.test(id);
    }

    @Operation(operationId = "listIntegrationEvidence", summary = "List an integration's recent evidence",
            description = "What the other side answered to the integration's recent deliveries and tests.")
    @GET
    @Path("{id}/evidence")
    public List<Evidence> evidence(@PathParam("id") UUID id) {
        return integrations.evidence(id);
    }
}
