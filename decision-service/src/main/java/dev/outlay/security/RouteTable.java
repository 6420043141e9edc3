/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import java.util.Set;

/**
 * The one classification of request paths every guard consults (the Vert.x {@link RouteGuard} and the JAX-RS filters
 * behind it), judged on the normalized path. Matching is case-sensitive like the routers', so an upper-case spelling
 * of a route is not that route: it falls through to REFUSED.
 */
public final class RouteTable {

    static final Set<String> RAW_KOGITO_ROOTS = Set.of("usertasks", "spendApproval", "policyViolationTriage", "monthEndClose");
    /** The systems that call back into /hooks/{system}/{tenant}/{connection}. */
    static final Set<String> HOOK_SYSTEMS = Set.of("jira", "slack");
    static final Set<String> OPENAPI = Set.of("openapi", "openapi.json", "openapi.yaml", "openapi.yml");
    static final String SWAGGER_UI = "swagger-ui";

    private RouteTable() {
    }

    public static RouteClass classify(RoutePath path) {
        int n = path.segments().size();
        String first = path.first();
        String second = path.segment(1);
        if (first.equals("q") && second != null) {
            if (second.equals("health")) return RouteClass.PUBLIC;
            if (n == 2 && (OPENAPI.contains(second) || second.equals("metrics"))) return RouteClass.PUBLIC;
            // Static pages and the document above, no data; the extension serves them only in demo mode and dev
            // (quarkus.swagger-ui.enable), so elsewhere no handler exists and the router answers 404.
            if (second.equals(SWAGGER_UI)) return RouteClass.PUBLIC;
            return RouteClass.REFUSED;
        }
        if (first.equals("api") && "v1".equals(second)) return RouteClass.TENANT_API;
        // SCIM discovery and resources; the service answers only the RFC's resource paths below /scim/v2.
        if (first.equals("scim") && "v2".equals(second) && n >= 3) return RouteClass.SCIM;
        if (first.equals("operator") && "v1".equals(second) && n >= 3) return RouteClass.OPERATOR;
        if (first.equals("hooks") && n == 4 && HOOK_SYSTEMS.contains(second)) return RouteClass.SIGNED_HOOK;
        if (n == 0 || first.equals("console")) return RouteClass.CONSOLE;
        if (RAW_KOGITO_ROOTS.contains(first)) return RouteClass.RAW_KOGITO;
        // What the service's own job client and the timer callback use (VertxJobsService, HttpJobExecutor in KIE 10.1):
        // schedule/cancel at /v2/jobs, fire at /management/jobs/{processId}/instances/{id}/timers/{timerId}.
        if (first.equals("v2") && "jobs".equals(second)) return RouteClass.INTERNAL;
        if (first.equals("management") && "jobs".equals(second) && n == 7
                && "instances".equals(path.segment(3)) && "timers".equals(path.segment(5))) {
            return RouteClass.INTERNAL;
        }
        return RouteClass.REFUSED;
    }

    public static boolean readOnly(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
