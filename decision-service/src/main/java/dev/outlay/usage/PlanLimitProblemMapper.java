/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.api.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/** 402 Payment Required: the plan, not the request, is what stands in the way. */
@Provider
public class PlanLimitProblemMapper implements ExceptionMapper<PlanLimitExceededException> {

    static final String TYPE = "urn:outlay:problem:plan-limit";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PlanLimitExceededException e) {
        Object requestId = MDC.get("requestId");
        PlanLimitProblem body = new PlanLimitProblem(TYPE, "Plan limit reached", 402, e.getMessage(),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), requestId == null ? null : requestId.toString(),
                e.limit(), e.plan(), e.current(), e.allowed());
        return Response.status(402).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
