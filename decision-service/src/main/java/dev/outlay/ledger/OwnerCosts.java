package dev.outlay.ledger;

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

/**
 * Costs by owner dimensions: the statement lines of the allocation run in force (latest succeeded, not superseded)
 * of every billing period that starts inside the window. A period without such a run is reported whole as
 * {@code unallocated}, so the totals are the ledger's effective cost of those periods either way. Unallocated
 * lines show {@code unallocated} in every owner dimension.
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
        StringBuilder sql = new StringBuilder("""
                WITH runs AS (
                  SELECT id, billing_period FROM outlay.allocation_run
                  WHERE status = 'succeeded' AND superseded_by IS NULL AND billing_period >= ? AND billing_period < ?
                ), ledger AS (
                  SELECT billing_period, min(billing_currency) AS currency, count(DISTINCT billing_currency) AS currencies,
                         sum(effective_cost) AS cost
                  FROM outlay.ledger_daily WHERE billing_period >= ? AND billing_period < ? GROUP BY billing_period
                ), owned AS (
                  SELECT r.billing_period, l.team, l.product, l.environment, l.cost_center, l.total_cost AS amount
                  FROM outlay.allocation_line l JOIN runs r ON r.id = l.run_id
                  UNION ALL
                  SELECT g.billing_period, 'unallocated', '-', '-', '-', g.cost
                  FROM ledger g WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.billing_period = g.billing_period)
                )
                SELECT\s""");
        for (String s : selects) sql.append(s).append(", ");
        // Allocation adds a period's charges whatever their currency; a period billed in several says so.
        sql.append("CASE WHEN lg.currencies > 1 THEN 'mixed' ELSE lg.currency END, sum(o.amount) FROM owned o ")
                .append("LEFT JOIN ledger lg ON lg.billing_period = o.billing_period GROUP BY ");
        for (int i = 1; i <= selects.size() + 1; i++) sql.append(i).append(i <= selects.size() ? ", " : "");
        sql.append(" ORDER BY ").append(selects.size() + 2).append(" DESC, 1");

        LocalDate first = q.from().withDayOfMonth(1).equals(q.from()) ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
        List<CostReport.Row> rows = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
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
                    rows.add(new CostReport.Row(dims, currency, amount));
                    totals.merge(String.valueOf(currency), amount, BigDecimal::add);
                }
            }
        }
        return new Result(rows, totals.entrySet().stream().map(e -> new CostReport.Total(e.getKey(), e.getValue())).toList());
    }
}
