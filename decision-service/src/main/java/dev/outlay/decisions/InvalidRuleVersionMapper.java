/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An invalid version answers 422 with one entry per error (element id or line/column), warnings listed after them. */
@Provider
public class InvalidRuleVersionMapper implements ExceptionMapper<InvalidRuleVersionException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidRuleVersionException e) {
        java.util.List<ValidationMessage> sorted = new java.util.ArrayList<>(e.errors());
        e.messages().stream().filter(m -> !m.isError()).forEach(sorted::add);
        Problem p = Problem.of(422, "Unprocessable content", e.getMessage() + "; the version was not stored")
                .withErrors(sorted.stream().map(m -> m.isError() ? m.toFault()
                        : new Problem.Fault(m.severity() + ": " + m.toFault().message(), null, m.line(), m.column(), m.element())).toList());
        return ProblemResponses.of(p, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
