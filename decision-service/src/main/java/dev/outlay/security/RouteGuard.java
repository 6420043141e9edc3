/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.RequestIdFilter;
import dev.outlay.api.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The first handler on the HTTP router, so it sees every request whatever serves it (RESTEasy, health, OpenAPI,
 * metrics, static files, anything an extension adds): non-canonical spellings are refused (400), routes not
 * classified in {@link RouteTable} answer 404 (default deny), the jobs service's routes need the per-start
 * {@link InternalSecret}, and public routes are read-only. Identity checks follow in the JAX-RS filters
 * ({@code TenantFilter}, {@code KogitoRouteGuard}), which judge the same {@link RoutePath}.
 */
@ApplicationScoped
public class RouteGuard {

    /** Before BodyLimit (-1000), Kogito's leader gate and Quarkus' security handlers; after Vert.x' own bookkeeping. */
    static final int ORDER = -2000;

    private static final Logger LOG = Logger.getLogger(RouteGuard.class);

    @Inject
    InternalSecret secret;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        RoutePath path = RoutePath.of(request.path());
        if (!path.canonical()) {
            refuse(rc, 400, "Bad request", "The path is not in canonical form: " + path.defect() + ".");
            return;
        }
        RouteClass route = RouteTable.classify(path);
        switch (route) {
            case PUBLIC -> {
                if (!RouteTable.readOnly(request.method().name())) {
                    refuse(rc, 405, "Method not allowed", "Health, the API document, Swagger UI and metrics are read-only.");
                    return;
                }
            }
            case INTERNAL -> {
                if (!secret.matches(request.getHeader(InternalSecret.HEADER))) {
                    LOG.debugf("internal route %s refused: no or wrong %s", path.normalized(), InternalSecret.HEADER);
                    refuse(rc, 404, "Not found", "No route " + path.normalized() + ".");
                    return;
                }
            }
            case SIGNED_HOOK -> {
                if (!"POST".equals(request.method().name())) {
                    refuse(rc, 405, "Method not allowed", "Hooks accept POST only.");
                    return;
                }
            }
            case REFUSED -> {
                refuse(rc, 404, "Not found", "No route " + path.normalized() + ".");
                return;
            }
            case TENANT_API, RAW_KOGITO, CONSOLE, SCIM, OPERATOR -> {
                // Token, tenant and roles: TenantFilter and KogitoRouteGuard, before content negotiation;
                // the console's session cookie and CSRF token: TenantFilter and ConsoleResource;
                // the SCIM secret and the operator's token: TenantFilter too.
            }
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, int status, String title, String detail) {
        String requestId = RequestIdFilter.idFor(rc.request().getHeader("X-Request-Id"));
        Problem problem = Problem.of(status, title, detail).at(instance(rc.request().path()), requestId);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Request-Id", requestId)
                .end(body);
    }

    /** The path as sent, cut short and without control characters: it is echoed back. */
    private static String instance(String raw) {
        if (raw == null) return null;
        String clean = raw.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
