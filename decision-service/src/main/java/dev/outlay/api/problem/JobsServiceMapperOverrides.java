/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The embedded Kogito jobs service ships JAX-RS exception mappers for Exception, IllegalArgumentException,
 * NotFoundException and WebApplicationException that answer plain JSON. They are more specific than (or tie with)
 * the mappers in {@link ExceptionMappers}, so these higher-priority twins keep every error application/problem+json.
 */
public final class JobsServiceMapperOverrides {

    static final int PRIORITY = Priorities.USER - 100;

    private JobsServiceMapperOverrides() {
    }

    @Provider
    @Priority(PRIORITY)
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotFoundException e) {
            return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage()), ExceptionMappers.path(uri));
        }
    }

    @Provider
    @Priority(PRIORITY)
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            ExceptionMappers.WebApplicationMapper m = new ExceptionMappers.WebApplicationMapper();
            m.uri = uri;
            return m.toResponse(e);
        }
    }

    @Provider
    @Priority(PRIORITY)
    public static class IllegalArgument implements ExceptionMapper<IllegalArgumentException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(IllegalArgumentException e) {
            return unexpected(uri, e);
        }
    }

    @Provider
    @Priority(PRIORITY)
    public static class AnyException implements ExceptionMapper<Exception> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Exception e) {
            return unexpected(uri, e);
        }
    }

    static Response unexpected(UriInfo uri, Throwable e) {
        ExceptionMappers.UnexpectedMapper m = new ExceptionMappers.UnexpectedMapper();
        m.uri = uri;
        return m.toResponse(e);
    }
}
