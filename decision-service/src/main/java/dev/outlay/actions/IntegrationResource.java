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

import java.util.List;
import java.util.UUID;

/** Outgoing integration connections of the caller's tenant (admin); secrets go in, never come out. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class IntegrationResource {

    @Inject
    IntegrationService integrations;

    @GET
    public List<Integration> list() {
        return integrations.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(IntegrationInput in) {
        Integration i = integrations.create(in);
        return Response.status(201).header("Location", "/api/v1/integrations/" + i.id()).entity(i).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        integrations.delete(id);
        return Response.noContent().build();
    }

    /** Replaces the Slack user → Outlay user map of a Slack connection. */
    @PUT
    @Path("{id}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Integration users(@PathParam("id") UUID id, java.util.Map<String, String> users) {
        return integrations.users(id, users);
    }

    @POST
    @Path("{id}/test")
    public Evidence test(@PathParam("id") UUID id) {
        return integrations.test(id);
    }

    @GET
    @Path("{id}/evidence")
    public List<Evidence> evidence(@PathParam("id") UUID id) {
        return integrations.evidence(id);
    }
}
