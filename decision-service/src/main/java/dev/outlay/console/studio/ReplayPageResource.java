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
import dev.outlay.console.FormValues;
import dev.outlay.decisions.DecisionLog;
import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.DecisionService;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Audit replay: find a logged decision (by id, rule set, time window, run), read its inputs and outputs under its
 * version with the decision-table rows the engine matched, replay it (the replay API: its own version must
 * reproduce the logged outputs) and see the field-by-field difference under today's version or any chosen one,
 * with the rows that version matches. Nothing is written.
 */
@Path("/console/replay")
public class ReplayPageResource {

    /** As the replay API. */
    static final Set<String> ROLES = Set.of("auditor", "finops_admin", "admin");
    static final int SHOWN = 100;

    @Inject
    CurrentSession current;

    @Inject
    DecisionLog log;

    @Inject
    DecisionService decisions;

    @Inject
    RuleSetService ruleSets;

    @Inject
    ReplayTables tables;

    @Inject
    @Location("console/studio/replay.html")
    Template page;

    public record Query(String id, String ruleSet, String from, String to, String runId) {
    }

    @GET
    public Response search(@QueryParam("id") String id, @QueryParam("ruleSet") String ruleSet, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("runId") String runId) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        if (id != null && !id.isBlank()) return ConsolePages.seeOther("/console/replay/" + ConsolePages.uuidOr404(id.trim(), "decision"));
        Query q = new Query("", FormValues.echo(ruleSet), FormValues.echo(from), FormValues.echo(to), FormValues.echo(runId));
        try {
            List<DecisionRecord> found = log.list(FormValues.given(ruleSet), instant("from", from), instant("to", to),
                    runId == null || runId.isBlank() ? null : uuid("runId", runId), SHOWN);
            return ConsolePages.html(200, base(s, q).data("found", found).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), base(s, q).data("found", List.of()).data("problem", e.problem()).render());
        }
    }

    @GET
    @Path("/{id}")
    public Response decision(@PathParam("id") String id, @QueryParam("against") String against, @QueryParam("replay") String replay) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        UUID decisionId = ConsolePages.uuidOr404(id, "decision");
        DecisionRecord d = log.find(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + id + "."));
        List<RuleVersion> versions = ruleSets.versions(d.ruleSet());
        RuleVersion logged = ruleSets.version(d.ruleSet(), d.versionHash());
        ReplayTables.View under = tables.view(logged, d.inputValues());
        boolean run = replay != null || (against != null && !against.isBlank());
        DecisionService.ReplayResult result = null;
        ReplayTables.View target = null;
        if (run) {
            result = decisions.replay(decisionId, against == null || against.isBlank() ? null : against.trim());
            if (result.againstErrors() == null) target = tables.view(ruleSets.version(d.ruleSet(), result.against()), d.inputValues());
        }
        Query q = new Query(id, d.ruleSet(), "", "", d.runId() == null ? "" : d.runId().toString());
        return ConsolePages.html(200, base(s, q).data("found", List.of()).data("problem", null).data("decision", d)
                .data("inputs", ReplayTables.fields(d.inputValues())).data("outputs", ReplayTables.fields(d.outputValues()))
                .data("versions", versions).data("logged", logged).data("against", FormValues.echo(against)).data("under", under)
                .data("result", result).data("target", target).render());
    }

    private io.quarkus.qute.TemplateInstance base(ConsoleSession s, Query q) {
        return page.data("session", s).data("q", q).data("decision", null).data("result", null).data("target", null)
                .data("under", null).data("versions", List.of());
    }

    private static Instant instant(String field, String v) {
        if (v == null || v.isBlank()) return null;
        try {
            String t = v.trim();
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is a day (YYYY-MM-DD) or an instant", Problem.Fault.at(field, v));
        }
    }

    private static UUID uuid(String field, String v) {
        try {
            return UUID.fromString(v.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + " is a run id (UUID)", Problem.Fault.at(field, v));
        }
    }


}
