/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** The /api/v1 edge of the SCIM settings (secrets, role mappings): problem+json like every tenant API. */
public final class ScimAdminProblemMapper {

    private ScimAdminProblemMapper() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    @Provider
    public static class Refused implements ExceptionMapper<ScimSecretRefusedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ScimSecretRefusedException e) {
            return ProblemResponses.of(Problem.of(422, "Unprocessable content", "The SCIM settings are invalid.")
                    .withErrors(List.of(Problem.Fault.at(e.field(), e.getMessage()))), path(uri));
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<ScimSecretNotFoundException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ScimSecretNotFoundException e) {
            return ProblemResponses.of(Problem.of(404, "Not found", e.getMessage()), path(uri));
        }
    }
}
