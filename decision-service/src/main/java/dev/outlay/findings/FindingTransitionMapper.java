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
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A refused transition answers 409 naming the finding's status and what the transition needs. */
@Provider
public class FindingTransitionMapper implements ExceptionMapper<FindingTransitionException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(FindingTransitionException e) {
        return ProblemResponses.of(problem(e), uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }

    /** The 409 the API answers, for the console to show next to the form. */
    public static Problem problem(FindingTransitionException e) {
        return Problem.of(409, "Conflict", "Finding " + e.findingId() + " is " + e.status() + ": cannot " + e.transition()
                        + " (" + e.getMessage() + "); nothing was changed.")
                .withErrors(List.of(Problem.Fault.at("status", e.status())));
    }
}
