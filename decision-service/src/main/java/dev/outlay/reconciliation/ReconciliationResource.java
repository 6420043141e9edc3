/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reconciliation runs: start one for a period (202 + progress), read one (JSON or CSV), list them; and the tenant's
 * declared source pairs (which two sources deliver the same charges).
 */
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

    @Inject
    SourcePairStore pairs;

    /** One declared pair: {@code observed} delivers the same charges as {@code reference}; {@code note} says why. */
    public record SourcePairBody(String reference, String observed, String note) {
    }

    public record SourcePairsBody(List<SourcePairBody> pairs) {
    }

    private static final int MAX_NAME = 200;
    private static final int MAX_NOTE = 500;

    @Operation(operationId = "startReconciliation", summary = "Run a reconciliation",
            description = "Reconciles a period's ledger against its invoices and the declared source pairs: 202 with the run to "
                    + "follow, or 200 with the finished run when `wait=true`.")
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

    @Operation(operationId = "listReconciliations", summary = "List reconciliation runs",
            description = "Runs filtered by `period` (at most `limit`, default 100).")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public List<ReconciliationRun> list(@QueryParam("period") String period, @QueryParam("limit") @DefaultValue("100") int limit) {
        return store.list(period == null || period.isBlank() ? null : InvoiceService.period("period", period), Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(operationId = "listReconciliationSourcePairs", summary = "List declared source pairs",
            description = "The pairs of sources that must agree with each other in a reconciliation.")
    @GET
    @Path("source-pairs")
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public List<SourcePairStore.SourcePair> sourcePairs() {
        return pairs.list();
    }

    /** Replaces the declared pairs as a whole ({@code {"pairs": []}} removes them all); takes effect from the next run. */
    @Operation(operationId = "putReconciliationSourcePairs", summary = "Replace the declared source pairs",
            description = "Replaces the declared pairs as a whole (`{\"pairs\": []}` removes them all); takes effect from the "
                    + "next run.")
    @PUT
    @Path("source-pairs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finops_admin", "finance"})
    public List<SourcePairStore.SourcePair> declareSourcePairs(SourcePairsBody body) {
        if (body == null || body.pairs() == null) {
            throw ProblemException.badRequest("pairs is required (an empty list removes every declaration)",
                    Problem.Fault.at("pairs", "a list of {reference, observed, note}"));
        }
        List<Problem.Fault> faults = new ArrayList<>();
        List<SourcePairStore.SourcePair> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.pairs().size(); i++) {
            SourcePairBody p = body.pairs().get(i);
            String at = "pairs[" + i + "]";
            String ref = p == null ? null : name(p.reference(), at + ".reference", faults);
            String obs = p == null ? null : name(p.observed(), at + ".observed", faults);
            String note = p == null || p.note() == null || p.note().isBlank() ? null : p.note().trim();
            if (p == null) faults.add(Problem.Fault.at(at, "a pair {reference, observed} is required"));
            if (note != null && note.length() > MAX_NOTE) faults.add(Problem.Fault.at(at + ".note", "at most " + MAX_NOTE + " characters"));
            if (ref == null || obs == null) continue;
            if (ref.equals(obs)) {
                faults.add(Problem.Fault.at(at + ".observed", "a source cannot be paired with itself ('" + ref + "')"));
            } else if (!seen.add(ref.compareTo(obs) < 0 ? ref + "\u0000" + obs : obs + "\u0000" + ref)) {
                faults.add(Problem.Fault.at(at, "the pair " + ref + " / " + obs + " is declared twice"));
            } else {
                valid.add(new SourcePairStore.SourcePair(ref, obs, note, null, null));
            }
        }
        if (!faults.isEmpty()) throw ProblemException.badRequest("The source pairs are not valid; nothing was changed.", faults.toArray(Problem.Fault[]::new));
        return pairs.replace(valid, dev.outlay.tenancy.TenantContext.caller().orElseThrow().subject());
    }

    private static String name(String value, String field, List<Problem.Fault> faults) {
        if (value == null || value.isBlank()) {
            faults.add(Problem.Fault.at(field, "a source name is required (the ingestion's connection, e.g. cur-export)"));
            return null;
        }
        String v = value.trim();
        if (v.length() > MAX_NAME) {
            faults.add(Problem.Fault.at(field, "at most " + MAX_NAME + " characters"));
            return null;
        }
        return v;
    }

    @Operation(operationId = "getReconciliation", summary = "Read a reconciliation run",
            description = "One run with its differences and whether the period ties out; JSON or `format=csv`.")
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
