/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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

import dev.outlay.fx.FxRates;
import dev.outlay.money.MinorUnits;
import dev.outlay.money.ReportingCurrency;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
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

    /** {@code engine}: "service" (default) or "spark" (the bulk job, where the service has one configured). */
    public record RunBody(String billingPeriod, String engine) {
    }

    /** A run's statement: rows per owner and currency, totals per currency, the converted total only when asked. */
    public record Results(AllocationStore.Run run, List<String> groupBy, List<Statements.Row> rows, List<Statements.Total> totals,
                          ReportingCurrency.Total reportingTotal) {
    }

    /** One currency of a period's run in force: how much of it has an owner. */
    public record Coverage(String billingPeriod, String currency, BigDecimal coveragePct, BigDecimal totalCost, BigDecimal allocatedCost,
                           UUID runId, String versionHash) {
    }

    @Inject
    FxRates fxRates;

    @Inject
    AllocationService service;

    @Inject
    AllocationStore store;

    @Inject
    AllocationRuns runs;

    @Operation(operationId = "simulateAllocation", summary = "Simulate an allocation without storing it",
            description = "Allocates `billingPeriod` with the given rules `version` (or the active one) and answers the result, "
                    + "writing nothing.")
    @POST
    @Path("/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> simulate(SimulateBody body) {
        return service.simulate(period(body == null ? null : body.billingPeriod()), body.version());
    }

    @Operation(operationId = "startAllocationRun", summary = "Start an allocation run",
            description = "Allocates the ledger of `billingPeriod` and stores the results as a run: 202 with the run to follow, "
                    + "or 201 with the finished run when `wait=true`. `engine` \"spark\" hands the charge groups and their rule "
                    + "evaluation to the Spark bulk-allocation job (where configured); the statement is the same to the cent.")
    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response run(RunBody body, @QueryParam("wait") boolean wait) {
        AllocationRuns.Submitted submitted = runs.submit(period(body == null ? null : body.billingPeriod()), engine(body));
        java.net.URI location = java.net.URI.create("/api/v1/allocations/runs/" + submitted.run().id());
        if (!wait) return Response.accepted(submitted.run()).location(location).build();
        // The synchronous form, for scripts: the finished run, or its problem detail when it failed.
        AllocationStore.Run done = runs.await(submitted);
        if (done.status().equals("failed")) {
            return Response.status(problemStatus(done.problem())).type(Problem.MEDIA_TYPE).entity(done.problem()).build();
        }
        return Response.created(location).entity(done).build();
    }

    private static AllocationEngine engine(RunBody body) {
        try {
            return AllocationEngine.parse(body == null ? null : body.engine());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), Problem.Fault.at("engine", e.getMessage()));
        }
    }

    private static int problemStatus(String problemJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(problemJson).path("status").asInt(500);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return 500;
        }
    }

    @Operation(operationId = "getAllocationRun", summary = "Read an allocation run",
            description = "Status and totals of one allocation run.")
    @GET
    @Path("/runs/{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public AllocationStore.Run get(@PathParam("id") String id) {
        return store.find(uuid(id)).orElseThrow(() -> ProblemException.notFound("No allocation run " + id + "."));
    }

    @Operation(operationId = "getAllocationResults", summary = "Read an allocation run's results",
            description = "The run's allocated amounts grouped by `groupBy`, per currency or converted to `reportingCurrency`; "
                    + "`format=csv` rounds to each currency's minor unit.")
    @GET
    @Path("/runs/{id}/results")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response results(@PathParam("id") String id, @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                            @QueryParam("reportingCurrency") String reportingCurrency) {
        AllocationStore.Run run = get(id);
        List<String> dims = groupBy == null || groupBy.isBlank() ? List.of("team") : Arrays.stream(groupBy.split(",")).map(String::trim).toList();
        for (String d : dims) {
            if (!Statements.DIMENSIONS.contains(d)) {
                throw ProblemException.badRequest("groupBy takes " + Statements.DIMENSIONS, Problem.Fault.at("groupBy", "unknown dimension: " + d));
            }
        }
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        String target = reportingCurrency(reportingCurrency);
        List<AllocationOutcome.Line> lines = store.lines(run.id());
        List<Statements.Row> rows = Statements.totals(lines, dims);
        List<Statements.Total> totals = Statements.currencyTotals(lines);
        ReportingCurrency.Total converted = null;
        if (target != null) {
            // Statements convert at the rate in force on the last day of their billing period.
            ReportingCurrency reporting = new ReportingCurrency(fxRates.active().orElseThrow(() -> ProblemException.unprocessable(
                    "A converted total needs the tenant's exchange-rate set; none is kept (POST /api/v1/fx-rates).",
                    List.of(Problem.Fault.at("reportingCurrency", "no exchange-rate set to convert into " + target)))), target);
            rows = Statements.convert(rows, reporting, run.billingPeriod().plusMonths(1).minusDays(1));
            converted = reporting.total();
        }
        if ("csv".equals(format)) {
            return Response.ok(Statements.csv(rows, totals, converted, dims), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"chargeback-" + run.billingPeriod() + ".csv\"").build();
        }
        return Response.ok(new Results(run, dims, rows, totals, converted), MediaType.APPLICATION_JSON).build();
    }

    @Operation(operationId = "getAllocationCoverage", summary = "Show allocation coverage",
            description = "How much of the spend between `from` and `to` the allocation rules reached, and why the rest stayed "
                    + "unallocated.")
    @GET
    @Path("/coverage")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Coverage> coverage(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = from == null ? LocalDate.of(1970, 1, 1) : period(from);
        LocalDate t = to == null ? LocalDate.of(9999, 12, 1) : period(to);
        return store.inForce(f, t).stream().flatMap(r -> r.currencies().stream().map(c -> new Coverage(
                r.billingPeriod().toString().substring(0, 7), c.currency(), c.coveragePct(), c.total(), c.allocated(), r.id(), r.versionHash())))
                .toList();
    }

    private static String reportingCurrency(String value) {
        if (value == null || value.isBlank()) return null;
        String c = value.trim();
        if (!MinorUnits.known(c)) {
            throw ProblemException.badRequest("unknown reportingCurrency '" + c + "'", Problem.Fault.at("reportingCurrency", "ISO 4217 code, e.g. USD"));
        }
        return c;
    }

    public static LocalDate period(String value) {
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
