/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

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

/** Polls a Stripe connection now for one month (the current one unless {@code month} names one of the 24 before it). */
@Path("/api/v1/connections/{id}/stripe")
@Produces(MediaType.APPLICATION_JSON)
public class StripeResource {

    static final int MAX_MONTHS_BACK = 24;

    @Inject
    StripeConnections stripe;

    @Operation(operationId = "pollStripeConnection", summary = "Poll a Stripe connection now",
            description = "Reads one month (UTC) of the Stripe account's balance transactions, loads Stripe's fees as SaaS spend and writes the month's revenue and orders as business metrics; month=YYYY-MM backfills one of the 24 months before the current one; dryRun=true only shows what it would load.")
    @POST
    @Path("poll")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public StripePollResult poll(@PathParam("id") UUID id, @QueryParam("month") String month, @QueryParam("dryRun") boolean dryRun) {
        return stripe.pollNow(id, month(month), dryRun);
    }

    static YearMonth month(String month) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        if (month == null || month.isBlank()) return now;
        YearMonth m;
        try {
            m = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("month is not YYYY-MM", Problem.Fault.at("month", "a month as YYYY-MM, e.g. " + now));
        }
        if (m.isAfter(now) || m.isBefore(now.minusMonths(MAX_MONTHS_BACK))) {
            throw ProblemException.badRequest("month out of range", Problem.Fault.at("month", "from " + now.minusMonths(MAX_MONTHS_BACK) + " to " + now));
        }
        return m;
    }

    /** An id that is not a Stripe connection of the caller's tenant: 404. */
    @Provider
    public static class NotStripeMapper implements ExceptionMapper<NoStripeConnectionException> {
        @Override
        public Response toResponse(NoStripeConnectionException e) {
            return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage()), null);
        }
    }
}
