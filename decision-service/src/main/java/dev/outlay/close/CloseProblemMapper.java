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
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The API edge of the close domain: each missing thing becomes one entry of the problem's {@code errors}. */
@Provider
public class CloseProblemMapper implements ExceptionMapper<CloseRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(CloseRefusedException e) {
        Problem p = switch (e.kind()) {
            case BAD_INPUT -> Problem.of(400, "Bad request", e.getMessage());
            case NOT_READY -> Problem.of(422, "Period cannot be closed", e.getMessage());
            case NOT_FOUND -> Problem.of(404, "Not found", e.getMessage());
            case CONFLICT -> Problem.of(409, "Conflict", e.getMessage());
        };
        if (!e.missing().isEmpty()) {
            p = p.withErrors(e.missing().stream().map(m -> Problem.Fault.at(m.where(), m.what())).toList());
        }
        return ProblemResponses.of(p, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
