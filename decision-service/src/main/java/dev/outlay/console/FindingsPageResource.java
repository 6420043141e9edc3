/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.findings.FindingAccess;
import dev.outlay.findings.FindingLifecycle;
import dev.outlay.findings.FindingRequests;
import dev.outlay.findings.FindingStatus;
import dev.outlay.findings.FindingStore;
import dev.outlay.findings.FindingTransitionException;
import dev.outlay.findings.FindingTransitionMapper;
import dev.outlay.findings.StoredFinding;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The savings findings queue (filter by detector, status, owner and minimum saving, owner-scoped as the API is) and one
 * finding's page: evidence, savings with their basis, owner, rule and decision, history, and the owner's transitions,
 * each through {@link FindingLifecycle} after {@link FindingRequests}' checks, so a refusal is the API's problem.
 */
@Path("/console/findings")
public class FindingsPageResource {

    /** As {@code FindingResource}: who reads findings, and who moves them. */
    static final Set<String> READERS = Set.of("admin", "finops_admin", "platform", "engineering", "auditor");
    static final Set<String> ACTORS = Set.of("admin", "finops_admin", "platform", "engineering");

    @Inject
    CurrentSession current;

    @Inject
    FindingStore store;

    @Inject
    FindingAccess access;

    @Inject
    FindingLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("console/findings.html")
    Template queue;

    @Inject
    @Location("console/finding.html")
    Template detail;

    public record Filter(String detector, String status, String owner, String minSavings, String currency) {
    }

    /** A refused transition: which form it came from, the problem, and the fault of each field that form has. */
    public record Refusal(String action, String title, String detail, String reasonFault, String untilFault, String otherFaults) {

        static Refusal of(String action, Problem p) {
            List<Problem.Fault> errors = p.errors() == null ? List.of() : p.errors();
            String reason = null, until = null;
            StringBuilder other = new StringBuilder();
            for (Problem.Fault f : errors) {
                if ("reason".equals(f.field())) reason = f.message();
                else if ("until".equals(f.field())) until = f.message();
                else other.append(" (field ").append(f.field()).append(": ").append(f.message()).append(')');
            }
            return new Refusal(action, p.title(), p.detail(), reason, until, other.toString());
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("detector") String detector, @QueryParam("status") String status, @QueryParam("owner") String owner,
                         @QueryParam("minSavings") String minSavings, @QueryParam("currency") String currency) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        Filter f = new Filter(nz(detector), nz(status), nz(owner), nz(minSavings), nz(currency));
        TemplateInstance page = queue.data("session", s).data("f", f).data("detectors", FindingRequests.detectors())
                .data("statuses", FindingStatus.ALL);
        try {
            ConsolePages.requireAnyRole(s, READERS);
            List<FindingView.Row> rows = store.list(FindingRequests.filter(owner, detector, status, minSavings, currency, access.visibleOwners()))
                    .stream().map(FindingView::row).toList();
            return ConsolePages.html(200, page.data("rows", rows).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), page.data("rows", List.of()).data("problem", e.problem()).render());
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("id") String id) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return render(s, id, 200, null, null);
    }

    @POST
    @Path("{id}/{action: accept|waive|action|reopen|verify}")
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, @FormParam("csrf") String csrf,
                        @FormParam("reason") String reason, @FormParam("until") String until) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        StoredFinding after;
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, ACTORS);
            after = switch (action) {
                case "accept" -> lifecycle.accept(id, FindingRequests.note(reason));
                case "waive" -> {
                    FindingRequests.Waiver w = FindingRequests.waiver(reason, until, LocalDate.now(ZoneOffset.UTC));
                    yield lifecycle.waive(id, w.reason(), w.until());
                }
                case "action" -> lifecycle.action(id, FindingRequests.note(reason));
                case "reopen" -> lifecycle.reopen(id, FindingRequests.note(reason));
                default -> lifecycle.verify(id);
            };
        } catch (ProblemException e) {
            return render(s, id, e.problem().status(), Refusal.of(action, e.problem()), null);
        } catch (FindingTransitionException e) {
            return render(s, id, 409, Refusal.of(action, FindingTransitionMapper.problem(e)), null);
        }
        String notice = FindingStatus.PENDING_APPROVAL.equals(after.status())
                ? "The action is risky: it went to an approver first (request " + after.approvalRequestId() + ")."
                : "Done: " + action + "; the finding is " + after.status() + ".";
        return render(s, id, 200, null, notice);
    }

    private Response render(ConsoleSession s, String id, int status, Refusal refusal, String notice) {
        try {
            ConsolePages.requireAnyRole(s, READERS);
            StoredFinding f = access.require(id);
            boolean canAct = s.roles().stream().anyMatch(ACTORS::contains);
            return ConsolePages.html(status, detail.data("session", s).data("f", FindingView.row(f)).data("d", f)
                    .data("evidence", FindingView.evidence(json, f.evidence())).data("events", store.events(f.id()))
                    .data("actions", canAct ? FindingRequests.transitionsFrom(f.status()) : List.of())
                    .data("refusal", refusal).data("notice", notice).data("problem", null)
                    .data("tomorrow", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), detail.data("session", s).data("f", null).data("d", null).data("evidence", "")
                    .data("events", List.of()).data("actions", List.of()).data("refusal", null).data("notice", null)
                    .data("problem", e.problem()).data("tomorrow", "").render());
        }
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
