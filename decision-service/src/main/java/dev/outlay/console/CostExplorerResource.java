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
import dev.outlay.ledger.CostCsv;
import dev.outlay.ledger.CostQuery;
import dev.outlay.ledger.CostReport;
import dev.outlay.ledger.CostService;
import dev.outlay.money.MinorUnits;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cost explorer: a window, up to two group-by dimensions, a metric and an optional filter on one grouped value,
 * read through the same {@link CostService} as {@code GET /api/v1/costs}, so the page, its CSV and its XLSX show the
 * numbers the API gives. Amounts on the page and in the files are rounded HALF_EVEN to each currency's minor unit;
 * totals are per currency, summed exactly before rounding, never across currencies.
 */
@Path("/console/costs{format: (\\.csv|\\.xlsx)?}")
public class CostExplorerResource {

    static final Set<String> ROLES = Set.of("admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor");
    static final List<String> METRICS = List.of("effectiveCost", "billedCost", "listCost");
    static final List<String> DIMENSIONS = CostQuery.dimensions();

    @Inject
    CostService costs;

    @Inject
    CurrentSession current;

    @Inject
    @Location("console/costs.html")
    Template page;

    Clock clock = Clock.systemUTC();

    public record Line(List<String> keys, String currency, String amount) {
    }

    public record View(String from, String to, String groupBy, String then, String metric, String filterBy, String filterValue,
                       List<String> columns, List<Line> lines, List<HomeResource.Money> totals, String query, Problem problem) {
    }

    /** {@code format}: empty for the page, {@code .csv} or {@code .xlsx} for the same report as a file. */
    @GET
    public Response get(@PathParam("format") String format, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") String groupBy, @QueryParam("then") String then, @QueryParam("metric") String metric,
                        @QueryParam("filterBy") String filterBy, @QueryParam("filterValue") String filterValue) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        Params p = Params.of(from, to, groupBy, then, metric, filterBy, filterValue, today());
        if (".csv".equals(format)) return csv(report(p));
        if (".xlsx".equals(format)) return xlsx(report(p));
        try {
            CostReport r = report(p);
            List<Line> lines = r.rows().stream().map(row -> new Line(r.groupBy().stream().map(d -> label(row.dimensions().get(d))).toList(),
                    row.currency(), MinorUnits.cell(row.amount(), row.currency()))).toList();
            List<HomeResource.Money> totals = HomeResource.totals(r);
            return ConsolePages.html(200, render(s, p, r.groupBy(), lines, totals, null));
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), render(s, p, List.of(), List.of(), List.of(), e.problem()));
        }
    }

    private static Response csv(CostReport r) {
        return Response.ok(CostCsv.write(r), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"costs-" + r.from() + "-" + r.to() + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    private static Response xlsx(CostReport r) {
        List<String> header = new ArrayList<>(r.groupBy());
        header.add("currency");
        header.add("amount");
        List<List<Object>> rows = new ArrayList<>();
        for (CostReport.Row row : r.rows()) {
            List<Object> cells = new ArrayList<>();
            r.groupBy().forEach(d -> cells.add(label(row.dimensions().get(d))));
            cells.add(row.currency());
            cells.add(MinorUnits.round(row.amount(), row.currency()));
            rows.add(cells);
        }
        for (CostReport.Total t : r.totals()) {
            List<Object> cells = new ArrayList<>();
            // groupBy always names at least one dimension (default service), so the first column carries the label.
            for (int i = 0; i < r.groupBy().size(); i++) cells.add(i == 0 ? "Total" : "");
            cells.add(t.currency());
            cells.add(MinorUnits.round(t.amount(), t.currency()));
            rows.add(cells);
        }
        return Response.ok(XlsxWriter.write("Costs " + r.from() + " to " + r.to(), header, rows), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"costs-" + r.from() + "-" + r.to() + ".xlsx\"")
                .header("Cache-Control", "no-store").build();
    }

    private CostReport report(Params p) {
        String dims = p.then().isEmpty() || p.then().equals(p.groupBy()) ? p.groupBy() : p.groupBy() + "," + p.then();
        CostReport r = costs.report(CostQuery.parse(p.from(), p.to(), dims, p.metric()));
        if (p.filterBy().isEmpty()) return r;
        if (!r.groupBy().contains(p.filterBy())) {
            throw ProblemException.badRequest("The filter must be on a grouped dimension.",
                    Problem.Fault.at("filterBy", "one of " + r.groupBy()));
        }
        return filtered(r, p.filterBy(), p.filterValue());
    }

    /** Only the rows whose {@code dimension} is {@code value} ("(none)" matches no value), totals per currency again. */
    static CostReport filtered(CostReport r, String dimension, String value) {
        List<CostReport.Row> rows = r.rows().stream().filter(row -> label(row.dimensions().get(dimension)).equals(value)).toList();
        Map<String, BigDecimal> sums = new TreeMap<>();
        rows.forEach(row -> sums.merge(row.currency(), row.amount(), BigDecimal::add));
        List<CostReport.Total> totals = sums.entrySet().stream().map(e -> new CostReport.Total(e.getKey(), e.getValue())).toList();
        return new CostReport(r.from(), r.to(), r.metric(), r.groupBy(), rows, totals, null, r.dataQuality());
    }

    private String render(ConsoleSession s, Params p, List<String> columns, List<Line> lines, List<HomeResource.Money> totals, Problem problem) {
        View v = new View(p.from(), p.to(), p.groupBy(), p.then(), p.metric(), p.filterBy(), p.filterValue(), columns, lines, totals,
                p.query(), problem);
        return page.data("session", s).data("v", v).data("dimensions", DIMENSIONS).data("metrics", METRICS).render();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String label(String value) {
        return value == null ? "(none)" : value;
    }

    /** The page's parameters with their defaults: this month to date, by service, effective cost. */
    record Params(String from, String to, String groupBy, String then, String metric, String filterBy, String filterValue) {
        static Params of(String from, String to, String groupBy, String then, String metric, String filterBy, String filterValue, LocalDate today) {
            return new Params(blank(from) ? today.withDayOfMonth(1).toString() : from.trim(),
                    blank(to) ? today.plusDays(1).toString() : to.trim(),
                    blank(groupBy) ? "service" : groupBy.trim(), blank(then) ? "" : then.trim(),
                    blank(metric) ? "effectiveCost" : metric.trim(), blank(filterBy) ? "" : filterBy.trim(),
                    filterValue == null ? "" : filterValue);
        }

        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "from", from);
            append(q, "to", to);
            append(q, "groupBy", groupBy);
            append(q, "then", then);
            append(q, "metric", metric);
            append(q, "filterBy", filterBy);
            if (!filterBy.isEmpty()) append(q, "filterValue", filterValue);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value.isEmpty()) return;
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
