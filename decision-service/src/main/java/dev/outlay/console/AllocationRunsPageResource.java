/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.allocation.AllocationResource;
import dev.outlay.allocation.AllocationRuns;
import dev.outlay.allocation.AllocationStore;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Allocation runs, next to ingestion: the tenant's latest runs, a form to start one for a billing period (the API's
 * {@link AllocationRuns#submit}: a run of the period still open is joined, not doubled), and each run's page, which
 * htmx refreshes every second while the run is queued or running and which then shows its coverage and the
 * unallocated cost by reason. Without script the page refreshes itself the same way.
 */
@Path("/console/allocations")
public class AllocationRunsPageResource {

    /** As {@code AllocationResource}: who reads runs, and who starts them. */
    static final Set<String> READERS = Set.of("admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor");
    static final Set<String> RUNNERS = Set.of("admin", "finops_admin");
    static final int SHOWN = 20;

    @Inject
    CurrentSession current;

    @Inject
    AllocationStore store;

    @Inject
    AllocationRuns runs;

    Clock clock = Clock.systemUTC();

    @Inject
    @Location("console/allocations.html")
    Template list;

    @Inject
    @Location("console/allocation.html")
    Template detail;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return render(s, 200, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("csrf") String csrf, @FormParam("billingPeriod") String billingPeriod) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, RUNNERS);
            AllocationRuns.Submitted submitted = runs.submit(AllocationResource.period(billingPeriod));
            return ConsolePages.seeOther("/console/allocations/" + submitted.run().id());
        } catch (ProblemException e) {
            return render(s, e.problem().status(), e.problem(), billingPeriod);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("id") String id) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireAnyRole(s, READERS);
            AllocationStore.Run r = store.find(ConsolePages.uuidOr404(id, "allocation run"))
                    .orElseThrow(() -> ProblemException.notFound("No allocation run " + id + "."));
            List<dev.outlay.allocation.AllocationOutcome.Line> lines = "succeeded".equals(r.status()) ? store.lines(r.id()) : List.of();
            return ConsolePages.html(200, detail.data("session", s).data("run", AllocationRunView.of(r, lines)).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), detail.data("session", s).data("run", null).data("problem", e.problem()).render());
        }
    }

    private Response render(ConsoleSession s, int status, Problem problem, String period) {
        boolean allowed = s.roles().stream().anyMatch(READERS::contains);
        List<AllocationRunView> shown = allowed ? store.recent(SHOWN).stream().map(r -> AllocationRunView.of(r, List.of())).toList() : List.of();
        Problem p = allowed ? problem : ProblemException.forbidden("Allocation runs need one of the roles "
                + String.join(", ", new java.util.TreeSet<>(READERS)) + ".").problem();
        String month = period != null && !period.isBlank() ? period : LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString().substring(0, 7);
        return ConsolePages.html(allowed ? status : 403, list.data("session", s).data("runs", shown).data("problem", p)
                .data("canRun", allowed && s.roles().stream().anyMatch(RUNNERS::contains)).data("period", month).render());
    }
}
