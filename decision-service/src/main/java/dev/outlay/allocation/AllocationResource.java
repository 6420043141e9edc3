package dev.outlay.allocation;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    public record SimulateBody(String billingPeriod, String version) {
    }

    public record RunBody(String billingPeriod) {
    }

    @Inject
    AllocationService service;

    @Inject
    AllocationStore store;

    @Inject
    AllocationRuns runs;

    @POST
    @Path("/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> simulate(SimulateBody body) {
        return service.simulate(period(body == null ? null : body.billingPeriod()), body.version());
    }

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response run(RunBody body, @QueryParam("wait") boolean wait) {
        AllocationRuns.Submitted submitted = runs.submit(period(body == null ? null : body.billingPeriod()));
        java.net.URI location = java.net.URI.create("/api/v1/allocations/runs/" + submitted.run().id());
        if (!wait) return Response.accepted(submitted.run()).location(location).build();
        // The synchronous form, for scripts: the finished run, or its problem detail when it failed.
        AllocationStore.Run done = runs.await(submitted);
        if (done.status().equals("failed")) {
            return Response.status(problemStatus(done.problem())).type(Problem.MEDIA_TYPE).entity(done.problem()).build();
        }
        return Response.created(location).entity(done).build();
    }

    private static int problemStatus(String problemJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(problemJson).path("status").asInt(500);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return 500;
        }
    }

    @GET
    @Path("/runs/{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public AllocationStore.Run get(@PathParam("id") String id) {
        return store.find(uuid(id)).orElseThrow(() -> ProblemException.notFound("No allocation run " + id + "."));
    }

    @GET
    @Path("/runs/{id}/results")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response results(@PathParam("id") String id, @QueryParam("groupBy") String groupBy, @QueryParam("format") String format) {
        AllocationStore.Run run = get(id);
        List<String> dims = groupBy == null || groupBy.isBlank() ? List.of("team") : Arrays.stream(groupBy.split(",")).map(String::trim).toList();
        for (String d : dims) {
            if (!Statements.DIMENSIONS.contains(d)) {
                throw ProblemException.badRequest("groupBy takes " + Statements.DIMENSIONS, Problem.Fault.at("groupBy", "unknown dimension: " + d));
            }
        }
        List<Map<String, Object>> rows = Statements.totals(store.lines(run.id()), dims);
        if ("csv".equals(format)) {
            return Response.ok(Statements.csv(rows, dims), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"chargeback-" + run.billingPeriod() + ".csv\"").build();
        }
        if (format != null && !format.equals("json")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run);
        body.put("groupBy", dims);
        body.put("rows", rows);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Map<String, Object>> coverage(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = from == null ? LocalDate.of(1970, 1, 1) : period(from);
        LocalDate t = to == null ? LocalDate.of(9999, 12, 1) : period(to);
        return store.inForce(f, t).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("billingPeriod", r.billingPeriod().toString().substring(0, 7));
            row.put("coveragePct", r.coveragePct());
            row.put("totalCost", r.totalCost());
            row.put("allocatedCost", r.allocatedCost());
            row.put("runId", r.id());
            row.put("versionHash", r.versionHash());
            return row;
        }).toList();
    }

    static LocalDate period(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("billingPeriod is required (YYYY-MM)", Problem.Fault.at("billingPeriod", "missing"));
        }
        try {
            return YearMonth.parse(value.length() > 7 ? value.substring(0, 7) : value).atDay(1);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("billingPeriod is YYYY-MM", Problem.Fault.at("billingPeriod", value));
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No allocation run " + id + ".");
        }
    }
}
