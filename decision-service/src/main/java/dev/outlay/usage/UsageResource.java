/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

@Path("/api/v1/usage")
public class UsageResource {

    @Inject
    UsageReports reports;

    @Operation(operationId = "getUsage", summary = "Read the tenant's metered usage",
            description = "Usage events of a window (from inclusive, default the start of this month; to exclusive, default now) "
                    + "with per-metric totals, the plan and its limits; `metric` narrows to connected_sources, seats or "
                    + "ingested_rows; `format=csv` downloads the events.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "auditor"})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response usage(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric,
                          @QueryParam("format") String format) {
        UsageQuery q = UsageQuery.parse(from, to, metric, format, Instant.now());
        UsageReport report = reports.report(q);
        if (q.csv()) return Response.ok(UsageCsv.write(report.events()), "text/csv").build();
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
