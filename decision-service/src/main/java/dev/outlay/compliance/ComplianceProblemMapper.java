/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The API edge of a refused pack request: 400 naming the field. */
@Provider
public class ComplianceProblemMapper implements ExceptionMapper<CompliancePackRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(CompliancePackRefusedException e) {
        String where = e.value() == null ? "missing" : e.value();
        return ProblemResponses.of(Problem.of(400, "Bad request", e.getMessage()).withErrors(
                        java.util.List.of(Problem.Fault.at(e.field(), where))),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
