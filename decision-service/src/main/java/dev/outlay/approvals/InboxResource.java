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

    @GET
    public List<InboxItem> list() {
        return inbox.list();
    }

    @POST
    @Path("{taskId}/claim")
    public InboxItem claim(@PathParam("taskId") String taskId) {
        return inbox.claim(taskId);
    }

    @POST
    @Path("{taskId}/release")
    public InboxItem release(@PathParam("taskId") String taskId) {
        return inbox.release(taskId);
    }

    @POST
    @Path("{taskId}/complete")
    public Map<String, Object> complete(@PathParam("taskId") String taskId, InboxDecision decision) {
        return inbox.complete(taskId, decision);
    }
}
