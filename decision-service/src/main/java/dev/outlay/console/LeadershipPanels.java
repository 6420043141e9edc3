/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.budgets.BudgetForecast;
import dev.outlay.budgets.BudgetPeriod;
import dev.outlay.budgets.DailyAmount;
import dev.outlay.ledger.CostQuery;
import dev.outlay.ledger.CostReport;
import dev.outlay.ledger.CostService;
import dev.outlay.money.MinorUnits;
import dev.outlay.savings.SavingsReport;
import dev.outlay.savings.SavingsReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leadership home's figures: this month's spend per currency with its month-end forecast (the budget forecast's
 * method, {@link BudgetForecast}, over the same daily costs {@code GET /api/v1/costs?groupBy=day} answers), the top
 * movers between the last two complete months (per currency: amounts of different currencies are never compared),
 * and savings realized against the open opportunity ({@code GET /api/v1/savings}).
 */
@ApplicationScoped
public class LeadershipPanels {

    /** As {@code SavingsResource}. */
    static final Set<String> SAVINGS_READERS = Set.of("admin", "finops_admin", "finance", "leadership", "auditor");
    static final int MOVERS = 5;

    @Inject
    CostService costs;

    @Inject
    SavingsReports savings;

    /** @param chart cumulative actual then forecast, drawn without a budget line */
    public record Forecast(String currency, String actualToDate, String forecastAtMonthEnd, String method, BurnChart chart) {
    }

    /** {@code change}: {@code later − earlier}; {@code direction} says up or down in words. */
    public record Mover(String key, String currency, String earlier, String later, String change, String direction) {
    }

    public record Movers(String dimension, String earlierMonth, String laterMonth, List<Mover> rows) {
    }

    public record Savings(String currency, String opportunityMonthly, int openFindings, String realized, int actionedFindings) {
    }

    public record SavingsPanel(String from, String to, List<Savings> rows) {
    }

    public List<Forecast> forecasts(LocalDate today) {
        BudgetPeriod month = BudgetPeriod.containing("month", today);
        LocalDate historyFrom = month.start().minusDays(BudgetForecast.PROFILE_DAYS);
        CostReport daily = costs.report(CostQuery.parse(historyFrom.toString(), month.end().toString(), "day", null));
        Map<String, List<DailyAmount>> byCurrency = new TreeMap<>();
        for (CostReport.Row r : daily.rows()) {
            byCurrency.computeIfAbsent(r.currency(), c -> new ArrayList<>()).add(new DailyAmount(LocalDate.parse(r.dimensions().get("day")), r.amount()));
        }
        List<Forecast> out = new ArrayList<>();
        for (var e : byCurrency.entrySet()) {
            String c = e.getKey();
            List<DailyAmount> history = e.getValue();
            BudgetForecast.Status st = BudgetForecast.compute(month, today, BigDecimal.ZERO, c, List.of(), history);
            List<DailyAmount> inMonth = history.stream().filter(d -> !d.day().isBefore(month.start()) && d.day().isBefore(st.asOf())).toList();
            BurnChart chart = BurnChart.of(c, month.start(), month.end(), st.asOf(), BigDecimal.ZERO, inMonth,
                    BudgetForecast.forecastPath(month, today, history));
            out.add(new Forecast(c, MinorUnits.cell(st.actualToDate(), c), MinorUnits.cell(st.forecastAtPeriodEnd(), c), st.method(), chart));
        }
        return out;
    }

    /** The two complete months before this one, grouped by {@code dimension} and month; the largest changes first. */
    public Movers movers(String dimension, LocalDate today) {
        LocalDate later = today.withDayOfMonth(1).minusMonths(1);
        LocalDate earlier = later.minusMonths(1);
        CostReport r = costs.report(CostQuery.parse(earlier.toString(), later.plusMonths(1).toString(), dimension + ",month", null));
        String e = earlier.toString().substring(0, 7);
        String l = later.toString().substring(0, 7);
        Map<String, BigDecimal[]> pairs = new TreeMap<>();
        for (CostReport.Row row : r.rows()) {
            String key = row.dimensions().get(dimension);
            BigDecimal[] p = pairs.computeIfAbsent((key == null ? "(none)" : key) + "\u0000" + row.currency(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            String m = row.dimensions().get("month");
            if (m != null && m.startsWith(e)) p[0] = p[0].add(row.amount());
            else p[1] = p[1].add(row.amount());
        }
        List<Map.Entry<String, BigDecimal[]>> sorted = new ArrayList<>(pairs.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, BigDecimal[]> x) -> x.getValue()[1].subtract(x.getValue()[0]).abs()).reversed()
                .thenComparing(Map.Entry::getKey));
        List<Mover> rows = new ArrayList<>();
        for (var x : sorted.subList(0, Math.min(MOVERS, sorted.size()))) {
            String[] k = x.getKey().split("\u0000");
            BigDecimal change = x.getValue()[1].subtract(x.getValue()[0]);
            if (change.signum() == 0) continue;
            rows.add(new Mover(k[0], k[1], MinorUnits.cell(x.getValue()[0], k[1]), MinorUnits.cell(x.getValue()[1], k[1]),
                    MinorUnits.cell(change, k[1]), change.signum() > 0 ? "up" : "down"));
        }
        return new Movers(dimension, e, l, rows);
    }

    public SavingsPanel savings() {
        SavingsReport r = savings.report(null, null);
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (SavingsReport.Opportunity o : r.opportunity()) {
            BigDecimal[] s = sums.computeIfAbsent(o.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(o.expected());
            counts.computeIfAbsent(o.currency(), c -> new int[2])[0] += o.findings();
        }
        for (SavingsReport.RealizedTotal t : r.realizedByOwner()) {
            BigDecimal[] s = sums.computeIfAbsent(t.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            s[1] = s[1].add(t.realized());
            counts.computeIfAbsent(t.currency(), c -> new int[2])[1] += t.findings();
        }
        List<Savings> rows = sums.entrySet().stream().map(x -> new Savings(x.getKey(), MinorUnits.cell(x.getValue()[0], x.getKey()),
                counts.get(x.getKey())[0], MinorUnits.cell(x.getValue()[1], x.getKey()), counts.get(x.getKey())[1])).toList();
        return new SavingsPanel(r.from().toString(), r.to().toString(), rows);
    }
}
