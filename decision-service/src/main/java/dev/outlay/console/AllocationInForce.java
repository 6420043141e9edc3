/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.allocation.AllocationOutcome;
import dev.outlay.allocation.AllocationStore;
import dev.outlay.allocation.Statements;
import dev.outlay.money.MinorUnits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The allocation run in force for the newest billing period that has one (this month's, else the latest before it,
 * a year back at most): its statement by team as {@code GET /api/v1/allocations/runs/{id}/results?groupBy=team}
 * answers it ({@link Statements#totals}), the same by team and product as a treemap, its coverage and its unallocated
 * reasons. Finance, platform and leadership
 * homes read it.
 */
@ApplicationScoped
public class AllocationInForce {

    @Inject
    AllocationStore store;

    public record Statement(AllocationRunView run, List<Row> rows, List<Total> totals, List<Treemap> treemaps) {
    }

    public record Row(String team, String currency, String direct, String shared, String total) {
    }

    public record Total(String currency, String direct, String shared, String total) {
    }

    public Optional<Statement> latest(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        List<AllocationStore.Run> runs = store.inForce(month.minusMonths(12), month);
        if (runs.isEmpty()) return Optional.empty();
        AllocationStore.Run run = runs.get(runs.size() - 1);
        List<AllocationOutcome.Line> lines = store.lines(run.id());
        List<Row> rows = Statements.totals(lines, List.of("team")).stream().map(r -> new Row(r.dimension("team"), r.currency(),
                MinorUnits.cell(r.directCost(), r.currency()), MinorUnits.cell(r.sharedCost(), r.currency()),
                MinorUnits.cell(r.totalCost(), r.currency()))).toList();
        List<Total> totals = Statements.currencyTotals(lines).stream().map(t -> new Total(t.currency(), MinorUnits.cell(t.directCost(), t.currency()),
                MinorUnits.cell(t.sharedCost(), t.currency()), MinorUnits.cell(t.totalCost(), t.currency()))).toList();
        // The treemap: team, then product, per currency (never one area over two currencies).
        java.util.Map<String, List<Treemap.Entry>> byCurrency = new java.util.TreeMap<>();
        for (Statements.Row r : Statements.totals(lines, List.of("team", "product"))) {
            byCurrency.computeIfAbsent(r.currency(), c -> new java.util.ArrayList<>())
                    .add(new Treemap.Entry(r.dimension("team"), r.dimension("product"), r.totalCost()));
        }
        List<Treemap> maps = byCurrency.entrySet().stream().map(e -> Treemap.of(e.getKey(), "team", "product", e.getValue())).toList();
        return Optional.of(new Statement(AllocationRunView.of(run, lines), rows, totals, maps));
    }
}
