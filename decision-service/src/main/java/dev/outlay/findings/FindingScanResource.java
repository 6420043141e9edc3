package dev.outlay.findings;

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

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Scans on request: {@code POST /api/v1/findings/scan?profile=} answers 202 with the scan to watch at its Location
 * (or, with {@code wait=true}, 201 with the finished scan, or its problem detail when it failed).
 */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingScanResource {

    /** The query parameters may also come as a body; the query wins. */
    public record ScanBody(String profile, String asOf) {
    }

    @Inject
    FindingScans scans;

    @Inject
    FindingStore store;

    @POST
    @Path("/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response scan(ScanBody body, @QueryParam("profile") String profile, @QueryParam("asOf") String asOf,
                         @QueryParam("wait") boolean wait) {
        String p = profile != null ? profile : body == null || body.profile() == null ? FindingScans.DEFAULT_PROFILE : body.profile();
        LocalDate day = asOf(asOf != null ? asOf : body == null ? null : body.asOf());
        FindingScans.Submitted submitted = scans.submit(p.strip(), day, "request");
        URI location = URI.create("/api/v1/findings/scans/" + submitted.scan().id());
        if (!wait) return Response.accepted(submitted.scan()).location(location).build();
        FindingScan done = scans.await(submitted);
        if (done.status().equals("failed")) {
            return Response.status(status(done.problem())).type(Problem.MEDIA_TYPE).entity(done.problem()).build();
        }
        return Response.created(location).entity(done).build();
    }

    @GET
    @Path("/scans/{id}")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public FindingScan get(@PathParam("id") String id) {
        try {
            return store.findScan(UUID.fromString(id)).orElseThrow(() -> ProblemException.notFound("No finding scan " + id + "."));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No finding scan " + id + ".");
        }
    }

    /** The scan's day, the last day its windows include: {@link FindingScans#lastCompleteDay()} unless given; never in the future. */
    static LocalDate asOf(String value) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (value == null || value.isBlank()) return FindingScans.lastCompleteDay();
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(today)) throw ProblemException.badRequest("asOf is in the future", Problem.Fault.at("asOf", value));
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf is a date (YYYY-MM-DD)", Problem.Fault.at("asOf", value));
        }
    }

    private static int status(String problemJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(problemJson).path("status").asInt(500);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return 500;
        }
    }
}
