package dev.outlay.api.v1;

import dev.outlay.ingestion.S3Sources;
import dev.outlay.ledger.SourceHealthService;
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

import java.util.List;

/** Billing sources: health of every source, bounded backfill of a configured S3 source. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    public record BackfillRequest(String from, String to) {
    }

    public record BackfillAccepted(String source, List<String> billingPeriods, String status) {
    }

    @Inject
    S3Sources sources;

    @Inject
    SourceHealthService health;

    /** Per source: last success, recency, completeness of the current billing period, breach of the freshness window. */
    @GET
    @Path("health")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<SourceHealthService.SourceHealth> health() {
        return health.health();
    }

    @POST
    @Path("{id}/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response backfill(@PathParam("id") String id, BackfillRequest body) {
        BackfillRequest b = body == null ? new BackfillRequest(null, null) : body;
        List<String> periods = sources.backfill(id, b.from(), b.to());
        return Response.accepted(new BackfillAccepted(id, periods, "queued")).build();
    }
}
