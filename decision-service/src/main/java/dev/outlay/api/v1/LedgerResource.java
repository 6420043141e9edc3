/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.ledger.CostCsv;
import dev.outlay.ledger.CostQuery;
import dev.outlay.ledger.CostReport;
import dev.outlay.ledger.CostService;
import dev.outlay.ledger.FocusExporter;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Read side of the ledger: costs with data quality and the FOCUS export (source health: SourcesResource). */
@Path("/api/v1")
public class LedgerResource {

    @Inject
    CostService costs;

    @Inject
    FocusExporter exporter;

    /** JSON keeps exact amounts; {@code format=csv} is for people and rounds to each currency's minor unit. */
    @Operation(operationId = "queryCosts", summary = "Query the cost ledger",
            description = "Spend between `from` and `to` grouped by the requested dimensions and filtered, per currency or "
                    + "converted to `reportingCurrency`. JSON keeps exact amounts; `format=csv` rounds to each currency's "
                    + "minor unit.")
    @GET
    @Path("costs")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response costs(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("groupBy") String groupBy, @QueryParam("metric") String metric,
                          @QueryParam("reportingCurrency") String reportingCurrency, @QueryParam("format") String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", format));
        }
        CostReport report = costs.report(CostQuery.parse(from, to, groupBy, metric, reportingCurrency));
        if ("csv".equals(format)) {
            return Response.ok(CostCsv.write(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"costs-" + report.from() + "-" + report.to() + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @Operation(operationId = "exportFocus", summary = "Export a billing period as FOCUS CSV",
            description = "The ledger rows of `billingPeriod` in FOCUS columns, as CSV.")
    @GET
    @Path("exports/focus")
    @Produces("text/csv")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response focus(@QueryParam("billingPeriod") String billingPeriod) {
        YearMonth period;
        try {
            period = YearMonth.parse(billingPeriod == null ? "" : billingPeriod);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("billingPeriod is required as YYYY-MM", Problem.Fault.at("billingPeriod", "YYYY-MM"));
        }
        // The body is written after this method returns, on another thread: carry the tenant along.
        Caller caller = TenantContext.caller().orElseThrow();
        StreamingOutput body = out -> TenantContext.runAs(caller, () ->
                exporter.write(period, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"focus-1.2-" + period + ".csv\"").build();
    }
}
