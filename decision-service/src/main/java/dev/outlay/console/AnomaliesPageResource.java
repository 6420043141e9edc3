/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.anomalies.api.AnomalyBands;
import dev.outlay.anomalies.api.AnomalyService;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anomaly queue (filter by window, severity, status and owner) and one anomaly's page: what was found, its
 * classification and routing, the series with the band the detector compared each day against, and snooze /
 * resolve / feedback, each through {@link AnomalyService} so validation and the audit entry are the API's.
 */
@Path("/console/anomalies")
public class AnomaliesPageResource {

    /** As {@code AnomalyResource}: who reads anomalies, and who acts on them. */
    static final Set<String> READERS = Set.of("admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor");
    static final Set<String> ACTORS = Set.of("admin", "finops_admin", "platform", "engineering");

    @Inject
    CurrentSession current;

    @Inject
    AnomalyService anomalies;

    @Inject
    AnomalyBands bands;

    @Inject
    @Location("console/anomalies.html")
    Template queue;

    @Inject
    @Location("console/anomaly.html")
    Template detail;

    /** The anomaly-classification rule set's severities and the stored statuses, for the filter's choices. */
    static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");
    static final List<String> STATUSES = List.of("open", "snoozed", "resolved");

    public record Filter(String from, String to, String severity, String status, String owner) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("severity") String severity,
                         @QueryParam("status") String status, @QueryParam("owner") String owner) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        Filter f = new Filter(FormValues.echo(from), FormValues.echo(to), FormValues.echo(severity), FormValues.echo(status),
                FormValues.echo(owner));
        try {
            ConsolePages.requireAnyRole(s, READERS);
            List<Map<String, Object>> rows = anomalies.list(date("from", from), date("to", to), FormValues.given(severity),
                    FormValues.given(owner), FormValues.given(status));
            return ConsolePages.html(200, queue.data("session", s).data("f", f).data("severities", SEVERITIES).data("statuses", STATUSES).data("rows", rows).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), queue.data("session", s).data("f", f).data("severities", SEVERITIES).data("statuses", STATUSES).data("rows", List.of())
                    .data("problem", e.problem()).render());
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
    @Path("{id}/{action: snooze|resolve|feedback}")
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, @FormParam("csrf") String csrf,
                        @FormParam("until") String until, @FormParam("truePositive") String truePositive) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, ACTORS);
            LocalDate u = "snooze".equals(action) ? required(date("until", until), "until") : null;
            Boolean tp = "feedback".equals(action) ? feedback(truePositive) : null;
            anomalies.act(id, action, u, tp);
        } catch (ProblemException e) {
            return render(s, id, e.problem().status(), e.problem(), null);
        }
        return render(s, id, 200, null, "Done: " + action + ".");
    }

    private Response render(ConsoleSession s, String id, int status, Problem refusal, String notice) {
        try {
            ConsolePages.requireAnyRole(s, READERS);
            Map<String, Object> a = anomalies.find(id).orElseThrow(() -> ProblemException.notFound("No anomaly " + id + "."));
            AnomalyBands.Band band = bands.of(id);
            String currency = band.currencies().size() == 1 ? band.currencies().get(0) : null;
            BandChart chart = BandChart.of(currency, LocalDate.parse((String) a.get("day")), band.days());
            boolean canAct = s.roles().stream().anyMatch(ACTORS::contains);
            return ConsolePages.html(status, detail.data("session", s).data("a", a).data("band", band).data("currency", currency)
                    .data("chart", chart).data("canAct", canAct).data("refusal", refusal).data("notice", notice)
                    .data("problem", null).data("tomorrow", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString()).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), detail.data("session", s).data("a", null).data("band", null).data("currency", null)
                    .data("chart", null).data("canAct", false).data("refusal", null).data("notice", null).data("problem", e.problem())
                    .data("tomorrow", "").render());
        }
    }

    private static Boolean feedback(String v) {
        if ("true".equals(v)) return Boolean.TRUE;
        if ("false".equals(v)) return Boolean.FALSE;
        throw ProblemException.badRequest("feedback needs 'truePositive': true or false", Problem.Fault.at("truePositive", String.valueOf(v)));
    }

    private static LocalDate required(LocalDate d, String field) {
        if (d == null) throw ProblemException.badRequest(field + " is required (YYYY-MM-DD)", Problem.Fault.at(field, "missing"));
        return d;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is YYYY-MM-DD", Problem.Fault.at(field, value));
        }
    }
}
