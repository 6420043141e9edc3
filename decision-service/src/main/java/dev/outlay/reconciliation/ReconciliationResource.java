package dev.outlay.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.CanonicalJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reconciliation runs: start one for a period (202 + progress), read one (JSON or CSV), list them. */
@Path("/api/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    private static final Set<String> STATES = Set.of("PRELIMINARY", "FINAL");

    /** {@code period} YYYY-MM; {@code periodState} optional (PRELIMINARY or FINAL), else derived from the ledger. */
    public record RunBody(String period, String periodState) {
    }

    @Inject
    ReconciliationRuns runs;

    @Inject
    ReconciliationStore store;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finops_admin", "finance"})
    public Response start(RunBody body, @QueryParam("wait") boolean wait) {
        var period = InvoiceService.period("period", body == null ? null : body.period());
        String state = body == null || body.periodState() == null || body.periodState().isBlank() ? null : body.periodState().trim();
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.badRequest("periodState is PRELIMINARY or FINAL", Problem.Fault.at("periodState", state));
        }
        ReconciliationRuns.Submitted s = runs.submit(period, state);
        URI location = URI.create("/api/v1/reconciliations/" + s.run().id());
        if (!wait) return Response.accepted(s.run()).location(location).build();
        ReconciliationRun done = runs.await(s);
        return Response.ok(done).location(location).build();
    }

    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public List<ReconciliationRun> list(@QueryParam("period") String period, @QueryParam("limit") @DefaultValue("100") int limit) {
        return store.list(period == null || period.isBlank() ? null : InvoiceService.period("period", period), Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public Response get(@PathParam("id") String id, @QueryParam("format") String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        ReconciliationRun run;
        try {
            run = store.find(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            run = null;
        }
        if (run == null) throw ProblemException.notFound("No reconciliation run " + id + ".");
        if (!"csv".equals(format)) return Response.ok(run, MediaType.APPLICATION_JSON).build();
        if (run.result() == null) {
            throw ProblemException.conflict("Reconciliation run " + id + " is " + run.status() + "; it has no result to export.");
        }
        ReconciliationResult result;
        try {
            result = CanonicalJson.MAPPER.readValue(run.result(), ReconciliationResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reconciliation result is not readable", e);
        }
        return Response.ok(ReconciliationCsv.write(result), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + run.period() + "-" + run.id() + ".csv\"").build();
    }
}
