/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The API edge of the SSO registration's refusals: 422 naming each field, 404 when none is stored, 503 without a key. */
public final class SsoProblemMapper {

    private SsoProblemMapper() {
    }

    static String instance(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    @Provider
    public static class Refused implements ExceptionMapper<SsoConfigRefusedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(SsoConfigRefusedException e) {
            var faults = e.faults().stream().map(f -> Problem.Fault.at(f.field(), f.message())).toList();
            return ProblemResponses.of(Problem.of(422, "Unprocessable content", e.getMessage()).withErrors(faults), instance(uri));
        }
    }

    @Provider
    public static class NotConfigured implements ExceptionMapper<SsoNotConfiguredException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(SsoNotConfiguredException e) {
            return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage()), instance(uri));
        }
    }

    @Provider
    public static class SecretsUnavailable implements ExceptionMapper<SsoSecretsUnavailableException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(SsoSecretsUnavailableException e) {
            return ProblemResponses.of(Problem.of(503, "Secrets unavailable", e.getMessage()), instance(uri));
        }
    }
}
