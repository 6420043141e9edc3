/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;

/** Builds the HTTP answer for a problem, stamped with the request path and id. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem, String path) {
        Object requestId = MDC.get("requestId");
        Response.ResponseBuilder b = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(path, requestId == null ? null : requestId.toString()));
        if (problem.status() == 401) b.header("WWW-Authenticate", "Bearer");
        return b.build();
    }
}
