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
import dev.outlay.approvals.InboxDecision;
import dev.outlay.approvals.InboxService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The approver's inbox: the caller's tasks with their business context, claim, and approve / reject / more-info with
 * a comment. Every action goes through {@link InboxService}, so four-eyes, the tenant and the audit trail are the API's;
 * a refused action re-renders the inbox with the problem's title and detail next to that task's form.
 */
@Path("/console/approvals")
public class ApprovalsResource {

    @Inject
    CurrentSession current;

    @Inject
    InboxService inbox;

    @Inject
    @Location("console/approvals.html")
    Template page;

    /** A refused action: which task, and the problem as the API would have answered it. */
    public record Refusal(String taskId, String title, String detail, String field) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return render(s, 200, null, null);
    }

    @POST
    @Path("{taskId}/claim")
    @Produces(MediaType.TEXT_HTML)
    public Response claim(@PathParam("taskId") String taskId, @FormParam("csrf") String csrf) {
        return act(taskId, csrf, () -> inbox.claim(taskId), "Claimed.");
    }

    @POST
    @Path("{taskId}/complete")
    @Produces(MediaType.TEXT_HTML)
    public Response complete(@PathParam("taskId") String taskId, @FormParam("csrf") String csrf,
                             @FormParam("decision") String decision, @FormParam("comment") String comment) {
        String c = comment == null || comment.isBlank() ? null : comment.trim();
        return act(taskId, csrf, () -> inbox.complete(taskId, new InboxDecision(decision, c)), "Done: " + decision + ".");
    }

    private Response act(String taskId, String csrf, Runnable action, String notice) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, HomeResource.INBOX_ROLES);
            action.run();
        } catch (ProblemException e) {
            Problem p = e.problem();
            String field = p.errors() == null || p.errors().isEmpty() ? null : p.errors().get(0).field();
            return render(s, p.status(), new Refusal(taskId, p.title(), p.detail(), field), null);
        }
        return render(s, 200, null, notice);
    }

    private Response render(ConsoleSession s, int status, Refusal refusal, String notice) {
        boolean allowed = s.roles().stream().anyMatch(HomeResource.INBOX_ROLES::contains);
        if (!allowed) {
            return ConsolePages.html(403, page.data("session", s).data("allowed", false).data("items", java.util.List.of())
                    .data("refusal", null).data("refusalListed", false).data("notice", null).render());
        }
        java.util.List<dev.outlay.approvals.InboxItem> items = inbox.list();
        boolean listed = refusal != null && items.stream().anyMatch(i -> i.taskId().equals(refusal.taskId()));
        return ConsolePages.html(status, page.data("session", s).data("allowed", true).data("items", items)
                .data("refusal", refusal).data("refusalListed", listed).data("notice", notice).render());
    }
}
