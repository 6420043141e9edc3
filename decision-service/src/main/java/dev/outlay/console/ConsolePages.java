/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Set;

/** What every console page does first: find the session, check roles and the CSRF token, answer in HTML. */
public final class ConsolePages {

    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private ConsolePages() {
    }


    public static Response toSignIn() {
        return Response.seeOther(URI.create("/console/sign-in")).build();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public static Response html(int status, String body) {
        // Bytes, not a String: RESTEasy's HTML sanitizer escapes a String text/html entity of every 400 answer, which
        // would show a bad query's page as markup. The page is Qute-rendered, so its values are already escaped.
        return Response.status(status).type(HTML).header("Cache-Control", "no-store")
                .entity(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    /** A form without this session's token is refused before anything else is read: 403, nothing changes. */
    public static void requireCsrf(ConsoleSession s, String given) {
        if (!SessionCodec.sameToken(s.csrf(), given)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "The form carries no valid CSRF token; reload the page and try again.")
                    .withErrors(java.util.List.of(Problem.Fault.at("csrf", "missing or not this session's token"))));
        }
    }

    /** Same rule as the API: a role the page needs and the session lacks is 403, never data. */
    public static void requireAnyRole(ConsoleSession s, Set<String> roles) {
        if (s.roles().stream().noneMatch(roles::contains)) {
            throw ProblemException.forbidden("This page needs one of the roles " + String.join(", ", new java.util.TreeSet<>(roles)) + ".");
        }
    }

    /** A path id that is not a UUID names nothing the tenant has: 404, as the API answers. */
    public static java.util.UUID uuidOr404(String id, String what) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + what + " " + id + ".");
        }
    }
}
