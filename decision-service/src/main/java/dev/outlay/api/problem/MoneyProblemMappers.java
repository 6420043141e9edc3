/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import dev.outlay.allocation.LegacyRunException;
import dev.outlay.budgets.ActualsUnavailableException;
import dev.outlay.money.MissingRateException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.List;

/** The API edge of the money domain's exceptions (budgets, allocation runs, exchange rates). */
public final class MoneyProblemMappers {

    private static final Logger LOG = Logger.getLogger(MoneyProblemMappers.class);

    private MoneyProblemMappers() {
    }

    /** Fail closed: without actuals nothing is decided or recorded; the caller may retry. */
    @Provider
    public static class ActualsUnavailableMapper implements ExceptionMapper<ActualsUnavailableException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ActualsUnavailableException e) {
            LOG.warnf(e.getCause(), "budget actuals unavailable: %s", e.getMessage());
            Response r = ProblemResponses.of(Problem.of(503, "Budget actuals unavailable",
                    "The budget's actual spend could not be read, so nothing was decided or recorded: " + e.getMessage()
                            + ". Retry later."), ExceptionMappers.path(uri));
            return Response.fromResponse(r).header("Retry-After", "30").build();
        }
    }

    @Provider
    public static class MissingRateMapper implements ExceptionMapper<MissingRateException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(MissingRateException e) {
            return ProblemResponses.of(Problem.of(422, "Unprocessable content", "Cannot convert " + e.from() + " to " + e.to() + ": "
                    + e.getMessage() + ".").withErrors(List.of(Problem.Fault.at("fxRate", e.from() + "/" + e.to() + " on " + e.date()))),
                    ExceptionMappers.path(uri));
        }
    }

    @Provider
    public static class LegacyRunMapper implements ExceptionMapper<LegacyRunException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(LegacyRunException e) {
            return ProblemResponses.of(Problem.of(409, "Conflict", e.getMessage() + "."), ExceptionMappers.path(uri));
        }
    }
}
