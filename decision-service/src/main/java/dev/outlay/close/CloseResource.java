/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Month-end close of the caller's tenant. Finance, FinOps administrators and admins start a close now (it is also
 * started automatically N days after the month ends); the review decision is a task in the inbox
 * ({@code POST /api/v1/inbox/{taskId}/complete}, finance, four-eyes). Auditors and leadership read everything.
 */
@Path("/api/v1/close/periods")
@Produces(MediaType.APPLICATION_JSON)
public class CloseResource {


    @Inject
    CloseService close;

    @Inject
    CloseQueries queries;

    @Operation(operationId = "listClosePeriods", summary = "List month-end close periods",
            description = "Every period with its close state and latest package version.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public List<CloseViews.PeriodSummary> periods() {
        return queries.periods();
    }

    @Operation(operationId = "getClosePeriod", summary = "Read a close period",
            description = "One period's close state and package versions.")
    @GET
    @Path("{period}")
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public CloseViews.PeriodView period(@PathParam("period") String period) {
        return queries.period(BillingMonth.parse(period));
    }

    /** 202 with the review started; 200 when a close of the period was already under way (this request joined it). */
    @Operation(operationId = "startPreliminaryClose", summary = "Generate a period's preliminary package now",
            description = "Builds the preliminary close package and starts the finance review; 202 with the review started, 200 "
                    + "when a close of the period was already under way (this request joined it).")
    @POST
    @Path("{period}/preliminary")
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public Response preliminary(@PathParam("period") String period) {
        YearMonth month = BillingMonth.parse(period);
        CloseStart s = close.preliminary(month);
        return Response.status(s.joined() ? 200 : 202).entity(s)
                .header("Location", "/api/v1/close/periods/" + month).build();
    }

    @Operation(operationId = "downloadClosePackage", summary = "Download a close package",
            description = "One version of a period's package as a zip with its manifest and hash.")
    @GET
    @Path("{period}/packages/{version}")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public Response download(@PathParam("period") String period, @PathParam("version") String version) {
        YearMonth month = BillingMonth.parse(period);
        int v = version(version);
        CloseStore.PackageRow k = queries.pkg(month, v);
        return Response.ok(queries.bytes(month, v), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"outlay-close-" + month + "-v" + v + ".zip\"")
                .header("X-Outlay-Package-Hash", k.packageHash())
                .header("ETag", "\"" + k.zipSha256() + "\"")
                .build();
    }

    /** Builds the version again from its stored inputs and compares bytes and hashes with the stored package. */
    @Operation(operationId = "verifyClosePackage", summary = "Verify a close package",
            description = "Builds the version again from its stored inputs and compares bytes and hashes with the stored "
                    + "package.")
    @GET
    @Path("{period}/packages/{version}/verify")
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public CloseViews.VerifyView verify(@PathParam("period") String period, @PathParam("version") String version) {
        return queries.verify(BillingMonth.parse(period), version(version));
    }

    @Operation(operationId = "listRestatements", summary = "List a period's restatements",
            description = "Changes detected after the period was closed, JSON or `format=csv`.")
    @GET
    @Path("{period}/restatements")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public Response restatements(@PathParam("period") String period, @QueryParam("format") String format) {
        List<CloseViews.RestatementView> list = queries.restatements(BillingMonth.parse(period));
        if (format == null || format.equals("json")) return Response.ok(list, MediaType.APPLICATION_JSON).build();
        if (format.equals("csv")) {
            return Response.ok(CloseQueries.csv(list), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"outlay-restatements-" + period + ".csv\"").build();
        }
        throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", "unsupported: " + format));
    }

    @Operation(operationId = "getRestatement", summary = "Read a restatement",
            description = "One restatement of a closed period.")
    @GET
    @Path("{period}/restatements/{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public CloseViews.RestatementView restatement(@PathParam("period") String period, @PathParam("id") String id) {
        YearMonth month = BillingMonth.parse(period);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CloseRefusedException.notFound("No restatement " + id + " of " + month + ".");
        }
        return queries.restatement(month, uuid);
    }

    private static int version(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw CloseRefusedException.badInput("version", "a package version is a positive integer, got '" + v + "'");
    }
}
