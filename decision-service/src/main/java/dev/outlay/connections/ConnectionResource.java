/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.inventory.InventoryConnectionPoller;
import dev.outlay.inventory.InventoryPollResult;
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

/** Billing source connections of the caller's tenant; credentials go in, never come out. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    @Inject
    ConnectionService connections;

    @Inject
    InventoryConnectionPoller inventory;

    @Operation(operationId = "listConnections", summary = "List source connections",
            description = "The tenant's billing and inventory connections with their last poll; credentials are never returned.")
    @GET
    @RolesAllowed({"admin", "finops_admin"})
    public List<Connection> list() {
        return connections.list();
    }

    @Operation(operationId = "getConnection", summary = "Read a source connection",
            description = "One connection with its settings and last poll; credentials are never returned.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin"})
    public Connection get(@PathParam("id") UUID id) {
        return connections.get(id);
    }

    @Operation(operationId = "createConnection", summary = "Create a source connection",
            description = "Creates a billing or inventory connection; its credentials are sealed at rest. Answers 201 with it.")
    @POST
    @RolesAllowed("admin")
    public Response create(ConnectionInput in) {
        Connection c = connections.create(in);
        return Response.status(201).header("Location", "/api/v1/connections/" + c.id()).entity(c).build();
    }

    @Operation(operationId = "updateConnection", summary = "Change a source connection",
            description = "Replaces the connection's settings.")
    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Connection update(@PathParam("id") UUID id, ConnectionInput in) {
        return connections.update(id, in);
    }

    /** Reads an aws-inventory connection now; the outcome (ok, unhealthy, failed) is also kept as its last poll. */
    @Operation(operationId = "pollConnection", summary = "Poll a connection now",
            description = "Reads an aws-inventory connection now; the outcome (ok, unhealthy, failed) is also kept as its last "
                    + "poll.")
    @POST
    @Path("{id}/poll")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public InventoryPollResult poll(@PathParam("id") UUID id) {
        return inventory.pollNow(id);
    }

    @Operation(operationId = "deleteConnection", summary = "Delete a source connection",
            description = "Removes the connection; answers 204.")
    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(id);
        return Response.noContent().build();
    }
}
