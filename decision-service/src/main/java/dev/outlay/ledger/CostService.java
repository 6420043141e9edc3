/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.fx.FxRates;
import dev.outlay.money.FxConverter;
import dev.outlay.money.ReportingCurrency;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cost reporting over the daily rollup (the ledger itself only when grouping by a tag). Amounts stay per
 * billing currency: converting is a decision, not a sum, so a converted total comes only when asked for
 * ({@code reportingCurrency}), with the tenant's rate set, and names every rate it used.
 */
@ApplicationScoped
public class CostService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FxRates fxRates;

    public CostReport report(CostQuery q) {
        // Resolved before reading: a report asked in a currency the tenant cannot convert to is refused up front.
        Optional<FxConverter> fx = q.reportingCurrency() == null ? Optional.empty() : Optional.of(fxRates.active().orElseThrow(() ->
                ProblemException.unprocessable("A converted total needs the tenant's exchange-rate set; none is kept (POST /api/v1/fx-rates).",
                        List.of(Problem.Fault.at("reportingCurrency", "no exchange-rate set to convert into " + q.reportingCurrency())))));
        CostReport plain = read(q);
        return fx.map(f -> convert(plain, q, f)).orElse(plain);
    }

    /** Rows and total in their own currencies plus each row's conversion and the converted total. */
    private static CostReport convert(CostReport r, CostQuery q, FxConverter fx) {
        ReportingCurrency reporting = new ReportingCurrency(fx, q.reportingCurrency());
        List<CostReport.Row> rows = new ArrayList<>(r.rows().size());
        for (CostReport.Row row : r.rows()) {
            rows.add(new CostReport.Row(row.dimensions(), row.currency(), row.amount(),
                    reporting.add(row.amount(), row.currency(), q.rateDate(row.dimensions()))));
        }
        return new CostReport(r.from(), r.to(), r.metric(), r.groupBy(), rows, r.totals(), reporting.total(), r.dataQuality());
    }

    private CostReport read(CostQuery q) {
        if (q.byOwner()) {
            try (Connection c = dataSource.getConnection()) {
                OwnerCosts.Result r = OwnerCosts.query(c, q);
                return new CostReport(q.from(), q.to(), q.metric(), q.groupBy(), r.rows(), r.totals(), null, quality(c, q));
            } catch (SQLException e) {
                throw new IllegalStateException("cost query failed", e);
            }
        }
        String metric = CostQuery.METRICS.get(q.metric());
        boolean tags = q.needsTags();
        List<String> selects = new ArrayList<>();
        List<Object> tagParams = new ArrayList<>();
        for (String d : q.groupBy()) {
            if (d.startsWith("tag:")) {
                selects.add("tags ->> ?");
                tagParams.add(d.substring(4));
            } else if (tags && d.equals("day")) {
                selects.add("(charge_period_start AT TIME ZONE 'UTC')::date::text");
            } else {
                selects.add(CostQuery.DIMENSIONS.get(d) + "::text");
            }
        }
        String table = tags ? "outlay.ledger_charge" : "outlay.ledger_daily";
        String dayExpr = tags ? "(charge_period_start AT TIME ZONE 'UTC')::date" : "day";
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String s : selects) sql.append(s).append(", ");
        sql.append("billing_currency, sum(").append(metric).append(") FROM ").append(table)
                .append(" WHERE ").append(dayExpr).append(" >= ? AND ").append(dayExpr).append(" < ? GROUP BY ");
        for (int i = 1; i <= selects.size() + 1; i++) sql.append(i).append(i <= selects.size() ? ", " : "");
        sql.append(" ORDER BY ").append(selects.size() + 2).append(" DESC");

        List<CostReport.Row> rows = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object t : tagParams) ps.setObject(p++, t);
            ps.setObject(p++, q.from());
            ps.setObject(p, q.to());
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
            List<CostReport.Total> totalList = totals.entrySet().stream().map(e -> new CostReport.Total(e.getKey(), e.getValue())).toList();
            return new CostReport(q.from(), q.to(), q.metric(), q.groupBy(), rows, totalList, null, quality(c, q));
        } catch (SQLException e) {
            throw new IllegalStateException("cost query failed", e);
        }
    }

    private CostReport.DataQuality quality(Connection c, CostQuery q) throws SQLException {
        long rows = 0, flagged = 0, unmapped = 0, daysWithData = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(row_count), 0), coalesce(sum(flagged_count), 0), "
                + "coalesce(sum(unmapped_count), 0), count(DISTINCT day) FROM outlay.ledger_daily WHERE day >= ? AND day < ?")) {
            ps.setObject(1, q.from());
            ps.setObject(2, q.to());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                flagged = rs.getLong(2);
                unmapped = rs.getLong(3);
                daysWithData = rs.getLong(4);
            }
        }
        long days = ChronoUnit.DAYS.between(q.from(), q.to());
        List<CostReport.Freshness> freshness = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source, max(finished_at) FILTER (WHERE status = 'succeeded') "
                + "FROM outlay.ingestion GROUP BY source ORDER BY source");
             ResultSet rs = ps.executeQuery()) {
            Instant now = Instant.now();
            while (rs.next()) {
                Instant last = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                freshness.add(new CostReport.Freshness(rs.getString(1), last, last == null ? null : hours(last, now)));
            }
        }
        return new CostReport.DataQuality(rows, flagged, unmapped, rows == 0 ? 0 : round(100.0 * unmapped / rows),
                new CostReport.Completeness(days, daysWithData, days == 0 ? 0 : round((double) daysWithData / days)), freshness);
    }

    static double hours(Instant then, Instant now) {
        return round(Duration.between(then, now).toSeconds() / 3600.0);
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
