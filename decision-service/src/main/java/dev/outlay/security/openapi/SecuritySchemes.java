/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/** The ways a caller proves who it is, one per route class that takes callers from outside (see RouteTable). */
final class SecuritySchemes {

    static final String BEARER = "bearerJwt";

    /**
     * Signed hooks carry no Outlay token: the connected system signs the body with the connection's secret. The
     * headers are the ones JiraSync and SlackSignature verify; described as API keys because OpenAPI 3.0 has no
     * scheme type for a body signature.
     */
    private record Hook(String scheme, String header, String description) {
    }

    private static final Map<String, Hook> HOOKS = Map.of(
            "jira", new Hook("jiraWebhookSignature", "X-Hub-Signature",
                    "Jira's webhook signature: `sha256=` and the hex HMAC-SHA256 of the raw body with the connection's"
                            + " sealed inbound secret. Without a valid signature the hook answers 401."),
            "slack", new Hook("slackRequestSignature", "X-Slack-Signature",
                    "Slack's request signature (v0): HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{body}` with the"
                            + " connection's signing secret, within 5 minutes and not seen before; 401 otherwise."));

    private SecuritySchemes() {
    }

    static void declare(Components components) {
        // Only these: the jwt extension declares a scheme of its own ("SecurityScheme") that no requirement names.
        if (components.getSecuritySchemes() != null) {
            for (String name : List.copyOf(components.getSecuritySchemes().keySet())) components.removeSecurityScheme(name);
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT naming the tenant (claim `tenant`) and the caller's roles (claim `groups`)."
                        + " In demo mode `./outlay token --role ROLE` prints one; otherwise the identity provider"
                        + " configured with MP_JWT_VERIFY_* issues it. What each role may do: docs/security/rbac-matrix.md."));
        for (Hook hook : HOOKS.values()) {
            components.addSecurityScheme(hook.scheme(), OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(hook.header())
                    .description(hook.description()));
        }
    }

    /** The scheme of /hooks/{system}/...; a hook system without one fails the build instead of going undocumented. */
    static String hookScheme(String template) {
        String[] segments = template.split("/");
        Hook hook = segments.length > 2 ? HOOKS.get(segments[2]) : null;
        if (hook == null) throw new IllegalStateException("no security scheme for the hook " + template + " (SecuritySchemes.HOOKS)");
        return hook.scheme();
    }
}
