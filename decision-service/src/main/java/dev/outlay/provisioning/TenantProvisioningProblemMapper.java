/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** The operator API's refusals as problem+json, naming the field when there is one. */
@Provider
public class TenantProvisioningProblemMapper implements ExceptionMapper<TenantProvisioningRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TenantProvisioningRefusedException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> "Unprocessable content";
        };
        Problem p = Problem.of(e.status(), title, e.getMessage());
        if (e.field() != null) p = p.withErrors(List.of(Problem.Fault.at(e.field(), e.getMessage())));
        return ProblemResponses.of(p, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
