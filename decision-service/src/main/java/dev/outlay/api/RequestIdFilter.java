/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (the caller's X-Request-Id when it is sane) for logs, problems and the response. */
@Provider
@PreMatching
// Before TenantFilter (also pre-matching), so a 401 or 403 it answers carries the id.
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String id = idFor(request.getHeaderString("X-Request-Id"));
        MDC.put("requestId", id);
        request.setProperty("requestId", id);
        if (http != null && http.remoteAddress() != null) MDC.put("client", http.remoteAddress().hostAddress());
    }

    /** The caller's id when it is sane, else a new one. */
    public static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty("requestId");
        if (id != null) response.getHeaders().putSingle("X-Request-Id", id);
        MDC.remove("requestId");
        MDC.remove("tenant");
        MDC.remove("client");
        MDC.remove("operator");
    }
}
