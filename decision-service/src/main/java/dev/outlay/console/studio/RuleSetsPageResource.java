/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.console.CurrentSession;
import dev.outlay.decisions.RuleSetService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The rules studio's entry: every rule set of the tenant with its active version, drafts and last publish, and per
 * rule set its timeline of versions (notes, status, parent) with the publish/retire history. Everything is read
 * through {@link RuleSetService}, so the tenant and the 404s are the API's.
 */
@Path("/console/studio")
public class RuleSetsPageResource {

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService service;

    @Inject
    @Location("console/studio/rule-sets.html")
    Template list;

    @Inject
    RuleSetPageRenderer detail;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireReader(s);
            List<RuleSetView.Row> rows = service.list().stream()
                    .map(i -> RuleSetView.row(i, service.versions(i.name()), service.activations(i.name()))).toList();
            return RuleSetPages.html(200, list.data("session", s).data("rows", rows).data("problem", null).render());
        } catch (ProblemException e) {
            return RuleSetPages.html(e.problem().status(), list.data("session", s).data("rows", List.of()).data("problem", e.problem()).render());
        }
    }

    @GET
    @Path("rule-sets/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("id") String id, @QueryParam("done") String done, @QueryParam("hash") String hash) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return detail.render(s, id, 200, notice(done, hash), null, List.of());
    }

    /** The notice after an action's redirect, built here from a fixed set so a link cannot put words on the page. */
    static String notice(String done, String hash) {
        if (done == null || hash == null || !hash.matches("[0-9a-f]{8,64}")) return null;
        String h = RuleSetPages.shortHash(hash);
        return switch (done) {
            case "published" -> "Published " + h + "; it is the active version now.";
            case "retired" -> "Retired " + h + "; it can no longer be published.";
            case "saved" -> "Saved draft " + h + ".";
            case "scenarios" -> "Golden scenarios saved.";
            default -> null;
        };
    }
}
