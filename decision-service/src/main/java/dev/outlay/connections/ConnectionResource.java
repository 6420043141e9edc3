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

    @GET
    @RolesAllowed({"admin", "finops_admin"})
    public List<Connection> list() {
        return connections.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin"})
    public Connection get(@PathParam("id") UUID id) {
        return connections.get(id);
    }

    @POST
    @RolesAllowed("admin")
    public Response create(ConnectionInput in) {
        Connection c = connections.create(in);
        return Response.status(201).header("Location", "/api/v1/connections/" + c.id()).entity(c).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Connection update(@PathParam("id") UUID id, ConnectionInput in) {
        return connections.update(id, in);
    }

    /** Reads an aws-inventory connection now; the outcome (ok, unhealthy, failed) is also kept as its last poll. */
    @POST
    @Path("{id}/poll")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public InventoryPollResult poll(@PathParam("id") UUID id) {
        return inventory.pollNow(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(id);
        return Response.noContent().build();
    }
}
