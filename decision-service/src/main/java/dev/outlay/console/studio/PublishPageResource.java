/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.console.CurrentSession;
import dev.outlay.decisions.RuleSetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Publish and retire from the rule set's page, through {@link RuleSetService} as the API does: publishing runs the
 * bundled and the tenant's golden scenarios first, and a refusal lists each failing scenario on the page (422,
 * nothing changes).
 */
@Path("/console/studio/rule-sets/{id}/versions/{hash}")
public class PublishPageResource {

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService service;

    @Inject
    RuleSetPageRenderer pages;

    @POST
    @Path("publish")
    @Produces(MediaType.TEXT_HTML)
    public Response publish(@PathParam("id") String id, @PathParam("hash") String hash, @FormParam("csrf") String csrf) {
        return act(id, csrf, () -> "published=" + service.publish(id, hash).hash());
    }

    @POST
    @Path("retire")
    @Produces(MediaType.TEXT_HTML)
    public Response retire(@PathParam("id") String id, @PathParam("hash") String hash, @FormParam("csrf") String csrf) {
        return act(id, csrf, () -> "retired=" + service.retire(id, hash).hash());
    }

    private Response act(String id, String csrf, java.util.function.Supplier<String> action) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireWriter(s, csrf);
            String[] done = action.get().split("=", 2);
            return ConsolePages.seeOther(RuleSetPages.page(id) + "?done=" + done[0] + "&hash=" + done[1]);
        } catch (ProblemException e) {
            Problem p = e.problem();
            List<String> failures = p.errors() == null ? List.of()
                    : p.errors().stream().filter(f -> "scenarios".equals(f.field())).map(Problem.Fault::message).toList();
            if (p.status() == 404) return pages.render(s, id, 404, null, p, List.of());
            return pages.render(s, id, p.status(), null, p, failures);
        }
    }
}
