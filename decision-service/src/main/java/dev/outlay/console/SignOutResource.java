/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Ends the console session (the cookie is expired); like every console form it needs the session's CSRF token. */
@Path("/console/sign-out")
public class SignOutResource {

    @Inject
    CurrentSession current;

    @Inject
    ConsoleSessions sessions;

    @Inject
    SignInResource signIn;

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response signOut(@FormParam("csrf") String csrf) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        if (!SessionCodec.sameToken(s.csrf(), csrf)) return signIn.page(403, "The form carries no valid CSRF token; reload the page and try again.");
        return Response.seeOther(URI.create("/console/sign-in")).cookie(sessions.expired(ConsoleSessions.COOKIE)).build();
    }
}
