/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.anomalies.DailyPoint;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.SeriesKey;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily (sub-account, service) series from the ledger, plus one series per allocation owner, with the signals the detector decomposes and classifies
 * with: usage quantity, credits, purchases and resource counts. The newest day in the ledger is marked incomplete
 * (providers deliver a day in several drops), so it can never raise a false drop.
 */
@ApplicationScoped
public class LedgerSeries {

    @Inject
    AgroalDataSource dataSource;

    /**
     * The currencies an account series is billed in, sorted: its key names a currency only when there are several, so
     * a page showing one series' amounts reads them here.
     */
    public List<String> currencies(String tenant, String subAccount, String service) {
        String sql = """
                SELECT DISTINCT billing_currency FROM outlay.ledger_charge
                WHERE tenant_id = ? AND COALESCE(sub_account_name, sub_account_id, billing_account_id) = ? AND service_name = ?
                ORDER BY 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, subAccount);
            ps.setString(3, service);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the series' currencies", e);
        }
    }

    public List<DailySeries> load(String tenant, LocalDate from, LocalDate to) {
        String sql = """
                SELECT COALESCE(sub_account_name, sub_account_id, billing_account_id), service_name,
                       (charge_period_start AT TIME ZONE 'UTC')::date AS day, billing_currency,
                       sum(effective_cost),
                       sum(consumed_quantity) FILTER (WHERE charge_category = 'Usage'),
                       sum(effective_cost) FILTER (WHERE charge_category = 'Credit'),
                       sum(effective_cost) FILTER (WHERE charge_category = 'Purchase'),
                       count(DISTINCT resource_id)
                FROM outlay.ledger_charge
                WHERE tenant_id = ? AND charge_period_start >= ? AND charge_period_start < ?
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""";
        Map<SeriesKey, List<DailyPoint>> points = new TreeMap<>();
        LocalDate newest = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getDate(1) != null) newest = rs.getDate(1).toLocalDate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant);
                ps.setObject(2, from.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                ps.setObject(3, to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                record Read(SeriesKey account, String currency, DailyPoint point) {
                }
                List<Read> read = new ArrayList<>();
                Map<SeriesKey, java.util.Set<String>> currencies = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SeriesKey account = SeriesKey.of(rs.getString(1), rs.getString(2));
                        LocalDate day = rs.getDate(3).toLocalDate();
                        boolean complete = newest == null || day.isBefore(newest);
                        read.add(new Read(account, rs.getString(4), new DailyPoint(day, rs.getBigDecimal(5),
                                rs.getBigDecimal(6), complete, rs.getInt(9), null, null, null, rs.getBigDecimal(7), rs.getBigDecimal(8))));
                        currencies.computeIfAbsent(account, k -> new java.util.TreeSet<>()).add(rs.getString(4));
                    }
                }
                // A series never adds currencies; an account series names its currency only when it has several
                // (so single-currency accounts keep the anomaly ids they always had).
                for (Read r : read) {
                    SeriesKey key = currencies.get(r.account()).size() > 1
                            ? SeriesKey.of(r.account().subAccount(), r.account().service(), r.currency()) : r.account();
                    points.computeIfAbsent(key, k -> new ArrayList<>()).add(r.point());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's daily series", e);
        }
        if (newest != null) {
            loadOwners(tenant, from, to, newest, points);
        }
        List<DailySeries> out = new ArrayList<>();
        points.forEach((k, v) -> out.add(new DailySeries(k, v)));
        return out;
    }

    /**
     * Daily direct cost per allocation owner (team) and currency from the allocation runs in force, when there are any
     * (owner totals of runs from before V81 have no currency and are left out rather than guessed); only
     * effective cost is known per owner, so these series carry no usage or credit signals. "unallocated" is the
     * allocation's name for nobody and gets no series of its own (its spend stays in the account series).
     */
    private void loadOwners(String tenant, LocalDate from, LocalDate to, LocalDate newest,
                            Map<SeriesKey, List<DailyPoint>> points) {
        String sql = """
                SELECT team, currency, day, sum(amount) FROM outlay.cost_daily
                WHERE tenant_id = ? AND team IS NOT NULL AND team <> 'unallocated' AND currency IS NOT NULL AND day >= ? AND day <= ?
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getDate(3).toLocalDate();
                    points.computeIfAbsent(SeriesKey.owner(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(DailyPoint.of(day, rs.getBigDecimal(4), null, day.isBefore(newest)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the owners' daily series", e);
        }
    }

    /**
     * The owner of each (sub-account, service) series: the team that the allocation runs in force gave most of its
     * cost (ties by name), so an account-level anomaly reaches a team. Series without allocation have no owner.
     */
    public Map<SeriesKey, String> owners(String tenant) {
        String sql = """
                SELECT g.sub_account, g.service_name, g.team, sum(g.effective_cost) AS cost
                FROM outlay.allocation_group g
                JOIN outlay.allocation_run r ON r.id = g.run_id AND r.status = 'succeeded' AND r.superseded_by IS NULL
                WHERE g.tenant_id = ? AND g.team IS NOT NULL AND g.team <> 'unallocated'
                  AND g.sub_account IS NOT NULL AND g.service_name IS NOT NULL
                GROUP BY 1, 2, 3 ORDER BY 1, 2, cost DESC, 3""";
        Map<SeriesKey, String> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(SeriesKey.of(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read allocation owners", e);
        }
        return out;
    }
}

