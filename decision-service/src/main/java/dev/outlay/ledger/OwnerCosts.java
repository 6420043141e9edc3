/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.allocation.LegacyRunException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Costs by owner dimensions: the statement lines of the allocation run in force (latest succeeded, not superseded)
 * of every billing period that starts inside the window. A period without such a run is reported whole as
 * {@code unallocated}, so the totals are the ledger's effective cost of those periods either way. Unallocated
 * lines show {@code unallocated} in every owner dimension. Every line is in one currency (runs split each currency
 * within itself; the ledger fallback keeps its billing currency) and totals are per currency.
 */
final class OwnerCosts {

    record Result(List<CostReport.Row> rows, List<CostReport.Total> totals) {
    }

    private OwnerCosts() {
    }

    static Result query(Connection c, CostQuery q) throws SQLException {
        List<String> selects = new ArrayList<>();
        for (String d : q.groupBy()) {
            selects.add(d.equals("month") ? "o.billing_period::text"
                    : "CASE WHEN o.team = 'unallocated' THEN 'unallocated' ELSE o." + CostQuery.OWNER_DIMENSIONS.get(d) + " END");
        }
        LocalDate first = q.from().withDayOfMonth(1).equals(q.from()) ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
        refuseLegacyRuns(c, first, q.to());
        StringBuilder sql = new StringBuilder("""
                WITH runs AS (
                  SELECT id, billing_period FROM outlay.allocation_run
                  WHERE status = 'succeeded' AND superseded_by IS NULL AND billing_period >= ? AND billing_period < ?
                ), owned AS (
                  SELECT r.billing_period, l.team, l.product, l.environment, l.cost_center, l.currency, l.total_cost AS amount
                  FROM outlay.allocation_line l JOIN runs r ON r.id = l.run_id
                  UNION ALL
                  SELECT g.billing_period, 'unallocated', '-', '-', '-', g.billing_currency, g.effective_cost
                  FROM outlay.ledger_daily g WHERE g.billing_period >= ? AND g.billing_period < ?
                    AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.billing_period = g.billing_period)
                )
                SELECT\s""");
        for (String s : selects) sql.append(s).append(", ");
        // Runs allocate each currency apart, so a line's currency is the currency of all of its amount.
        sql.append("o.currency, sum(o.amount) FROM owned o GROUP BY ");
        for (int i = 1; i <= selects.size() + 1; i++) sql.append(i).append(i <= selects.size() ? ", " : "");
        sql.append(" ORDER BY ").append(selects.size() + 1).append(", ").append(selects.size() + 2).append(" DESC, 1");

        List<CostReport.Row> rows = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setObject(1, first);
            ps.setObject(2, q.to());
            ps.setObject(3, first);
            ps.setObject(4, q.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> dims = new LinkedHashMap<>();
                    for (int i = 0; i < q.groupBy().size(); i++) dims.put(q.groupBy().get(i), rs.getString(i + 1));
                    String currency = rs.getString(q.groupBy().size() + 1);
                    BigDecimal amount = rs.getBigDecimal(q.groupBy().size() + 2);
                    rows.add(new CostReport.Row(dims, currency, amount, null));
                    totals.merge(currency, amount, BigDecimal::add);
                }
            }
        }
        return new Result(rows, totals.entrySet().stream().map(e -> new CostReport.Total(e.getKey(), e.getValue())).toList());
    }

    /** Lines of a run stored before V81 over a multi-currency period have no currency; they are not reported as money. */
    private static void refuseLegacyRuns(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.id FROM outlay.allocation_run r
                WHERE r.status = 'succeeded' AND r.superseded_by IS NULL AND r.billing_period >= ? AND r.billing_period < ?
                  AND EXISTS (SELECT 1 FROM outlay.allocation_line l WHERE l.run_id = r.id AND l.currency IS NULL)
                LIMIT 1""")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) throw new LegacyRunException((java.util.UUID) rs.getObject(1));
            }
        }
    }
}
