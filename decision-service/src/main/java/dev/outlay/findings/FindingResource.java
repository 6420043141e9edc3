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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Savings findings: list (JSON or CSV), one finding with its evidence and history, the savings summary, and the
 * owner's transitions. Platform and engineering callers see their own owner groups' findings only ({@link FindingAccess}).
 */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    /** A finding with its history, newest last. */
    public record FindingDetail(StoredFinding finding, List<FindingEvent> events) {
    }

    /** Savings by owner and detector, and in total, each per currency (currencies are never added together). */
    public record FindingSummary(List<FindingStore.SummaryRow> rows, List<CurrencyTotal> totals) {
    }

    public record CurrencyTotal(String currency, int findings, BigDecimal low, BigDecimal expected, BigDecimal high) {
    }

    /**
     * What the newest succeeded scan covered, per detector, over the owners the caller may see: findings it detected,
     * resources it could not judge for missing data, resources a waiver rule exempted. No scan yet: scan null, none.
     */
    public record FindingCoverage(UUID scanId, LocalDate asOf, String profile, java.time.Instant finishedAt,
                                  List<FindingScan.DetectorCounts> detectors) {
    }

    public record NoteBody(String reason) {
    }

    public record WaiveBody(String reason, String until) {
    }

    @Inject
    FindingStore store;

    @Inject
    FindingAccess access;

    @Inject
    FindingLifecycle lifecycle;

    @Inject
    FindingUndecidedStore undecided;

    @Operation(operationId = "listFindings", summary = "List savings findings",
            description = "Findings filtered by owner, detector, status, minimum savings and currency; JSON or CSV. Owners see "
                    + "the findings of their own groups.")
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public Response list(@QueryParam("owner") String owner, @QueryParam("detector") String detector, @QueryParam("status") String status,
                         @QueryParam("minSavings") String minSavings, @QueryParam("currency") String currency,
                         @QueryParam("format") String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        List<StoredFinding> findings = store.list(filter(owner, detector, status, minSavings, currency));
        if ("csv".equals(format)) {
            return Response.ok(FindingCsv.write(findings), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"findings.csv\"").build();
        }
        return Response.ok(findings, MediaType.APPLICATION_JSON).build();
    }

    @Operation(operationId = "getFindingSummary", summary = "Summarize savings findings",
            description = "Counts and estimated savings per status and detector, per currency.")
    @GET
    @Path("/summary")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public FindingSummary summary(@QueryParam("owner") String owner, @QueryParam("detector") String detector,
                                  @QueryParam("status") String status) {
        List<FindingStore.SummaryRow> rows = store.summary(filter(owner, detector, status, null, null));
        Map<String, CurrencyTotal> totals = new TreeMap<>();
        for (FindingStore.SummaryRow r : rows) {
            totals.merge(r.currency(), new CurrencyTotal(r.currency(), r.findings(), r.low(), r.expected(), r.high()),
                    (a, b) -> new CurrencyTotal(a.currency(), a.findings() + b.findings(), a.low().add(b.low()),
                            a.expected().add(b.expected()), a.high().add(b.high())));
        }
        return new FindingSummary(rows, List.copyOf(totals.values()));
    }

    @Operation(operationId = "getFindingCoverage", summary = "Show savings detection coverage",
            description = "How much of the inventory and spend the savings detectors covered.")
    @GET
    @Path("/coverage")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public FindingCoverage coverage() {
        return undecided.latestSucceeded().flatMap(store::findScan)
                .map(s -> new FindingCoverage(s.id(), s.asOf(), s.profile(), s.finishedAt(), undecided.coverage(s.id(), access.visibleOwners())))
                .orElse(new FindingCoverage(null, null, null, null, List.of()));
    }

    @Operation(operationId = "getFinding", summary = "Read a savings finding",
            description = "One finding with its evidence, estimated savings, owner and lifecycle events.")
    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering", "auditor"})
    public FindingDetail get(@PathParam("id") String id) {
        StoredFinding f = access.require(id);
        return new FindingDetail(f, store.events(f.id()));
    }

    @Operation(operationId = "acceptFinding", summary = "Accept a savings finding",
            description = "The owner agrees to act on the finding; the note is recorded.")
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public StoredFinding accept(@PathParam("id") String id, NoteBody body) {
        return lifecycle.accept(id, note(body));
    }

    @Operation(operationId = "waiveFinding", summary = "Waive a savings finding",
            description = "Records that the finding will not be acted on, with the reason and until when.")
    @POST
    @Path("/{id}/waive")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public StoredFinding waive(@PathParam("id") String id, WaiveBody body) {
        FindingRequests.Waiver w = FindingRequests.waiver(body == null ? null : body.reason(), body == null ? null : body.until(),
                LocalDate.now(ZoneOffset.UTC));
        return lifecycle.waive(id, w.reason(), w.until());
    }

    @Operation(operationId = "actionFinding", summary = "Mark a savings finding actioned",
            description = "Records that the change was made; a risky action still needs a FinOps approval.")
    @POST
    @Path("/{id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public StoredFinding action(@PathParam("id") String id, NoteBody body) {
        return lifecycle.action(id, note(body));
    }

    @Operation(operationId = "reopenFinding", summary = "Reopen a savings finding",
            description = "Puts a waived or actioned finding back in the queue; the note is recorded.")
    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public StoredFinding reopen(@PathParam("id") String id, NoteBody body) {
        return lifecycle.reopen(id, note(body));
    }

    @Operation(operationId = "verifyFinding", summary = "Verify an actioned finding now",
            description = "Checks an actioned finding now and records the outcome.")
    @POST
    @Path("/{id}/verify")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public StoredFinding verify(@PathParam("id") String id) {
        return lifecycle.verify(id);
    }

    private static String note(NoteBody body) {
        return FindingRequests.note(body == null ? null : body.reason());
    }

    private FindingStore.Filter filter(String owner, String detector, String status, String minSavings, String currency) {
        return FindingRequests.filter(owner, detector, status, minSavings, currency, access.visibleOwners());
    }
}
