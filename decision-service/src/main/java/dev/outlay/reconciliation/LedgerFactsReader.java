/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads {@link LedgerFacts} for a period, as the current tenant (row-level security applies). */
@ApplicationScoped
public class LedgerFactsReader {

    @Inject
    AgroalDataSource dataSource;

    public LedgerFacts read(LocalDate period) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            List<LedgerFacts.Cell> cells = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT source, billing_account_id, billing_currency, service_name, provider_name,
                           nullif(btrim(invoice_id), '') AS invoice, charge_category, sum(billed_cost), count(*)
                    FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?
                    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7""")) {
                ps.setString(1, tenant);
                ps.setDate(2, Date.valueOf(period));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cells.add(new LedgerFacts.Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getLong(9)));
                    }
                }
            }
            Map<String, Map<String, Set<LocalDate>>> days = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT billing_account_id, source, day FROM outlay.ledger_daily
                    WHERE tenant_id = ? AND billing_period = ? AND day >= ? AND day < ?""")) {
                ps.setString(1, tenant);
                ps.setDate(2, Date.valueOf(period));
                ps.setDate(3, Date.valueOf(period));
                ps.setDate(4, Date.valueOf(period.plusMonths(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getDate(3).toLocalDate());
                    }
                }
            }
            // Expected again this month: a source that delivered usage last month, or a monthly invoice upload. A source
            // that only brought a one-off (a late credit, an adjustment) is not a feed that owes us this month.
            Map<String, Set<String>> previous = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT d.billing_account_id, d.source FROM outlay.ledger_daily d
                    WHERE d.tenant_id = ? AND d.billing_period = ?
                      AND (d.charge_category = 'Usage' OR d.source IN (SELECT i.source FROM outlay.ingestion i
                                                                       WHERE i.tenant_id = d.tenant_id AND i.source_kind = 'invoice-csv'))""")) {
                ps.setString(1, tenant);
                ps.setDate(2, Date.valueOf(period.minusMonths(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) previous.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            Set<String> monthly = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT source FROM outlay.ingestion WHERE tenant_id = ? AND source_kind = 'invoice-csv'""")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) monthly.add(rs.getString(1));
                }
            }
            // A source without a usage row this period (credits, adjustments, tax only) delivered a one-off: like an
            // invoice upload it is complete with any row, not expected every day.
            Set<String> withUsage = new TreeSet<>();
            cells.stream().filter(x -> "Usage".equalsIgnoreCase(x.chargeCategory())).forEach(x -> withUsage.add(x.source()));
            cells.stream().map(LedgerFacts.Cell::source).filter(src -> !withUsage.contains(src)).forEach(monthly::add);
            Map<String, Set<String>> kinds = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT c.source, i.source_kind
                    FROM (SELECT DISTINCT source, ingestion_id FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?) c
                    JOIN outlay.ingestion i ON i.id = c.ingestion_id""")) {
                ps.setString(1, tenant);
                ps.setDate(2, Date.valueOf(period));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) kinds.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            Map<String, String> kindBySource = new TreeMap<>();
            kinds.forEach((source, k) -> {
                if (k.size() == 1) kindBySource.put(source, k.iterator().next());
            });
            return new LedgerFacts(cells, days, previous, monthly, kindBySource);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for " + period, e);
        }
    }

    /** Billing currencies the ledger holds for an account in a period (empty: no charges). */
    public Set<String> currencies(LocalDate period, String account) {
        return strings("SELECT DISTINCT billing_currency FROM outlay.ledger_daily WHERE tenant_id = ? AND billing_period = ? "
                + "AND billing_account_id = ?", Date.valueOf(period), account);
    }

    /** Billing periods (YYYY-MM-01) the ledger holds for an account. */
    public Set<String> periods(String account) {
        return strings("SELECT DISTINCT billing_period::text FROM outlay.ledger_daily WHERE tenant_id = ? AND billing_account_id = ?", account);
    }

    private Set<String> strings(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            for (int i = 0; i < args.length; i++) ps.setObject(i + 2, args[i]);
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
