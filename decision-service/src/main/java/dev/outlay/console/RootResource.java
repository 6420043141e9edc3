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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /}: the console's home when signed in, else its sign-in page. */
@Path("/")
public class RootResource {

    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        return current.get().isPresent() ? ConsolePages.seeOther("/console") : ConsolePages.toSignIn();
    }
}
