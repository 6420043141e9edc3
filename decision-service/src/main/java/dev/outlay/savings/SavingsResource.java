/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Savings realized vs opportunity (issue 21). */
@Path("/api/v1/savings")
@Produces(MediaType.APPLICATION_JSON)
public class SavingsResource {

    @Inject
    SavingsReports reports;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Operation(operationId = "getSavingsReport", summary = "Report savings realized and opportunity",
            description = "Open savings opportunity (findings deduplicated per resource, commitment recommendations) and realized savings of actioned findings and commitments for a window (default the last 90 days), by owner and kind; JSON or CSV.")
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") @DefaultValue("json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", "json or csv"));
        }
        SavingsReport r = reports.report(from, to);
        if (format.equals("csv")) return Response.ok(SavingsCsv.write(r), "text/csv; charset=UTF-8").build();
        return dev.outlay.api.PlainDecimalJson.ok(mapper, r);
    }
}
