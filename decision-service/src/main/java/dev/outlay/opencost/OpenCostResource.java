/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.opencost;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Polls an OpenCost connection now for one month (the current one unless {@code month} names one of the 3 before it). */
@Path("/api/v1/connections/{id}/opencost")
@Produces(MediaType.APPLICATION_JSON)
public class OpenCostResource {

    static final int MAX_MONTHS_BACK = 3;

    @Inject
    OpenCostConnections opencost;

    @Operation(operationId = "pollOpenCostConnection", summary = "Poll an OpenCost connection now",
            description = "Reads the complete UTC days of one month of the cluster's OpenCost allocations (by namespace and controller) and loads them as an allocation view of the cluster's node cost: one row per resource cost plus one offset row a day, so effective-cost totals do not count the cluster twice; month=YYYY-MM reads one of the 3 months before the current one; dryRun=true only shows what it would load.")
    @POST
    @Path("poll")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public OpenCostPollResult poll(@PathParam("id") UUID id, @QueryParam("month") String month, @QueryParam("dryRun") boolean dryRun) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth m = now;
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("month is not YYYY-MM", Problem.Fault.at("month", "a month as YYYY-MM, e.g. " + now));
            }
            if (m.isAfter(now) || m.isBefore(now.minusMonths(MAX_MONTHS_BACK))) {
                throw ProblemException.badRequest("month out of range", Problem.Fault.at("month", "from " + now.minusMonths(MAX_MONTHS_BACK) + " to " + now));
            }
        }
        return opencost.pollNow(id, m, dryRun);
    }

    /** An id that is not an OpenCost connection of the caller's tenant: 404. */
    @Provider
    public static class NotOpenCostMapper implements ExceptionMapper<NoOpenCostConnectionException> {
        @Override
        public Response toResponse(NoOpenCostConnectionException e) {
            return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage()), null);
        }
    }
}
