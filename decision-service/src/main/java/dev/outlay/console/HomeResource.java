/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.approvals.InboxService;
import dev.outlay.ledger.CostQuery;
import dev.outlay.ledger.CostReport;
import dev.outlay.ledger.CostService;
import dev.outlay.ledger.SourceHealthService;
import dev.outlay.money.MinorUnits;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The home page, one view per persona: month-to-date cost per currency and the last 30 days' daily trend for
 * everyone, then the persona's own breakdown (engineering by team, finance by cost centre, platform by source with
 * the sources' health, leadership by month over six months), the number of tasks waiting in the inbox, and the open
 * findings' savings (engineering and platform: their teams'; leadership: the tenant's).
 */
@Path("/console")
public class HomeResource {

    /** Who may use the inbox (as {@code InboxResource}). */
    static final Set<String> INBOX_ROLES = Set.of("approver", "finance", "leadership", "finops_admin", "admin", "platform", "engineering");

    @Inject
    CostService costs;

    @Inject
    InboxService inbox;

    @Inject
    SourceHealthService sources;

    @Inject
    SavingsKpis savings;

    @Inject
    AllocationInForce allocation;

    @Inject
    FinancePanels finance;

    @Inject
    LeadershipPanels leadership;

    @Inject
    AuditorPanels auditor;

    @Inject
    dev.outlay.ingestion.IngestionRepository ingestions;

    @Inject
    dev.outlay.anomalies.api.AnomalyService anomalies;

    /** Open anomalies of one of the session's owner groups, as {@code GET /api/v1/anomalies?owner=&status=open} counts them. */
    public record TeamAnomalies(String team, int open) {
    }

    Clock clock = Clock.systemUTC();

    @Inject
    @Location("console/home.html")
    Template home;

    @Inject
    CurrentSession current;

    public record Money(String currency, String amount) {
    }

    /** {@code problem}: why the breakdown could not be read (the API's problem title and detail), or null. */
    public record Breakdown(String dimension, String label, List<BreakdownRow> rows, String problem) {
    }

    public record BreakdownRow(String key, String currency, String amount) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate tomorrow = today.plusDays(1);
        List<Money> mtd = totals(costs.report(CostQuery.parse(today.withDayOfMonth(1).toString(), tomorrow.toString(), "", null)));
        LocalDate from = tomorrow.minusDays(30);
        CostReport daily = costs.report(CostQuery.parse(from.toString(), tomorrow.toString(), "day", null));
        Map<String, SortedMap<LocalDate, BigDecimal>> series = new TreeMap<>();
        for (CostReport.Row r : daily.rows()) {
            series.computeIfAbsent(r.currency(), c -> new TreeMap<>()).merge(LocalDate.parse(r.dimensions().get("day")), r.amount(), BigDecimal::add);
        }
        List<LineChart> charts = series.entrySet().stream().map(e -> LineChart.of(e.getKey(), from, tomorrow, e.getValue())).toList();
        String persona = s.persona();
        Breakdown breakdown = breakdown(persona, today, tomorrow);
        Integer tasks = s.roles().stream().anyMatch(INBOX_ROLES::contains) ? inbox.list().size() : null;
        List<SourceHealthService.SourceHealth> health = "platform".equals(persona) ? sources.health() : List.of();
        boolean findingReader = s.roles().stream().anyMatch(FindingsPageResource.READERS::contains);
        // Engineering and platform: their teams' findings; leadership: the tenant's open savings (a total, no finding in it).
        List<SavingsKpis.Savings> teamSavings = findingReader && Set.of("engineering", "platform").contains(persona) ? savings.mine() : null;
        List<SavingsKpis.Savings> openSavings = "leadership".equals(persona) ? savings.all() : null;
        io.quarkus.qute.TemplateInstance body = home.data("session", s).data("persona", persona).data("today", today.toString()).data("mtd", mtd)
                .data("charts", charts).data("breakdown", breakdown).data("tasks", tasks).data("health", health)
                .data("dataQuality", daily.dataQuality()).data("teamSavings", teamSavings).data("openSavings", openSavings)
                .data("findingReader", findingReader);
        personaPanels(s, persona, today, body);
        return ConsolePages.html(200, body.render());
    }

    /**
     * What only one persona's home shows, each figure read only when the session holds a role the API would ask for
     * it (a persona is chosen from the roles, but an approver-only user falls back to the finance view).
     */
    private void personaPanels(ConsoleSession s, String persona, LocalDate today, io.quarkus.qute.TemplateInstance page) {
        boolean allocationReader = any(s, AllocationRunsPageResource.READERS);
        boolean closeReader = any(s, FinancePanels.CLOSE_READERS);
        boolean statementShown = allocationReader && Set.of("finance", "platform", "leadership").contains(persona);
        page.data("statement", statementShown ? allocation.latest(today).orElse(null) : null).data("statementShown", statementShown);
        page.data("close", "finance".equals(persona) && closeReader ? finance.periods() : null)
                .data("reconciliations", "finance".equals(persona) && closeReader ? finance.reconciliations() : null)
                .data("burn", "finance".equals(persona) && any(s, BudgetsPageResource.READERS) ? finance.burn() : null);
        boolean lead = "leadership".equals(persona);
        page.data("forecasts", lead ? leadership.forecasts(today) : null)
                .data("movers", lead ? List.of(leadership.movers("service", today), leadership.movers("team", today)) : null)
                .data("realized", lead && any(s, LeadershipPanels.SAVINGS_READERS) ? leadership.savings() : null);
        page.data("recentLoads", "platform".equals(persona) && any(s, IngestionsPageResource.READERS) ? ingestions.list(null, null, 5) : null);
        List<TeamAnomalies> teamAnomalies = null;
        if ("engineering".equals(persona) && any(s, AnomaliesPageResource.READERS)) {
            teamAnomalies = new ArrayList<>();
            for (String team : new java.util.TreeSet<>(s.roles())) {
                if (dev.outlay.tenancy.Caller.ROLES.contains(team)) continue;
                teamAnomalies.add(new TeamAnomalies(team, anomalies.list(null, null, null, team, "open").size()));
            }
        }
        page.data("teamAnomalies", teamAnomalies);
        boolean aud = "auditor".equals(persona);
        page.data("decisions", aud && any(s, AuditorPanels.DECISION_READERS) ? auditor.decisions() : null)
                .data("verification", aud && any(s, AuditorPanels.AUDIT_READERS) ? auditor.verification() : null)
                .data("publishes", aud && any(s, AuditorPanels.AUDIT_READERS) ? auditor.publishes() : null);
    }

    private static boolean any(ConsoleSession s, Set<String> roles) {
        return s.roles().stream().anyMatch(roles::contains);
    }

    private Breakdown breakdown(String persona, LocalDate today, LocalDate tomorrow) {
        String monthStart = today.withDayOfMonth(1).toString();
        return switch (persona) {
            case "engineering" -> breakdown("team", "Cost by team, this month", monthStart, tomorrow.toString());
            case "finance" -> breakdown("costCentre", "Cost by cost centre, this month", monthStart, tomorrow.toString());
            case "platform" -> breakdown("source", "Cost by source, this month", monthStart, tomorrow.toString());
            default -> breakdown("month", "Spend by month, last six months", today.withDayOfMonth(1).minusMonths(5).toString(), tomorrow.toString());
        };
    }

    private Breakdown breakdown(String dimension, String label, String from, String to) {
        List<BreakdownRow> rows = new ArrayList<>();
        try {
            for (CostReport.Row r : costs.report(CostQuery.parse(from, to, dimension, null)).rows()) {
                String key = r.dimensions().get(dimension);
                rows.add(new BreakdownRow(key == null ? "(none)" : key, r.currency(), MinorUnits.cell(r.amount(), r.currency())));
            }
        } catch (ProblemException e) {
            return new Breakdown(dimension, label, List.of(), e.problem().title() + ": " + e.problem().detail());
        }
        return new Breakdown(dimension, label, rows, null);
    }

    static List<Money> totals(CostReport r) {
        return r.totals().stream().map(t -> new Money(t.currency(), MinorUnits.cell(t.amount(), t.currency()))).toList();
    }
}
