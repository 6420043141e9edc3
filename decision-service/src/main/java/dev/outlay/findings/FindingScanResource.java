/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Scans on request: {@code POST /api/v1/findings/scan?profile=} answers 202 with the scan to watch at its Location
 * (or, with {@code wait=true}, 201 with the finished scan, or its problem detail when it failed); a scan and the
 * resources it left undecided.
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

    @Inject
    FindingUndecidedStore undecided;

    @Inject
    FindingAccess access;

    @Operation(operationId = "startFindingScan", summary = "Start a savings scan",
            description = "Scans the tenant's inventory and spend with the given detection profile: 202 with the scan to "
                    + "follow, or 201 with the finished scan when `wait=true`.")
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

    @Operation(operationId = "getFindingScan", summary = "Read a savings scan",
            description = "Status and counts of one scan.")
    @GET
    @Path("/scans/{id}")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public FindingScan get(@PathParam("id") String id) {
        return scan(id);
    }

    /**
     * The resources the scan did not judge, with the rule's reason: insufficient-data and rule-level waivers. Owners
     * see their own groups' rows (as with findings). 409 while the scan has not succeeded (a failed scan wrote none),
     * 410 once its list was pruned (its counts stay on the scan).
     */
    @Operation(operationId = "listUndecidedResources", summary = "List the resources a scan did not judge",
            description = "The resources the scan did not judge, with the rule's reason (insufficient data, rule-level "
                    + "waivers); JSON or CSV. 409 while the scan has not succeeded.")
    @GET
    @Path("/scans/{id}/undecided")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public Response undecided(@PathParam("id") String id, @QueryParam("detector") String detector, @QueryParam("outcome") String outcome,
                              @QueryParam("owner") String owner, @QueryParam("format") String format) {
        FindingScan scan = scan(id);
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        String d = blank(detector), o = blank(outcome);
        if (d != null && !KnownDetectors.contains(d)) {
            throw ProblemException.badRequest("unknown detector '" + d + "'", Problem.Fault.at("detector", "one of " + KnownDetectors.all()));
        }
        if (o != null && !UNDECIDED_OUTCOMES.contains(o)) {
            throw ProblemException.badRequest("unknown outcome '" + o + "'", Problem.Fault.at("outcome", "one of " + UNDECIDED_OUTCOMES));
        }
        if (!scan.status().equals("succeeded")) {
            throw ProblemException.conflict("Finding scan " + id + " is " + scan.status() + "; a scan's undecided list is written when it succeeds.");
        }
        if (undecided.pruned(scan.id())) {
            throw new ProblemException(Problem.of(410, "Gone", "The undecided list of finding scan " + id + " was pruned (only the newest "
                    + FindingUndecidedStore.KEPT_SCANS + " scans keep theirs); its per-detector counts remain on the scan."));
        }
        List<FindingUndecided> rows = undecided.list(scan.id(), new FindingUndecidedStore.Filter(d, o, blank(owner), access.visibleOwners()));
        if ("csv".equals(format)) {
            return Response.ok(FindingUndecidedCsv.write(rows), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"finding-scan-undecided.csv\"").build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }

    private static final List<String> UNDECIDED_OUTCOMES = List.of(Verdict.INSUFFICIENT_DATA, Verdict.WAIVED);

    private FindingScan scan(String id) {
        try {
            return store.findScan(UUID.fromString(id)).orElseThrow(() -> ProblemException.notFound("No finding scan " + id + "."));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No finding scan " + id + ".");
        }
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
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
