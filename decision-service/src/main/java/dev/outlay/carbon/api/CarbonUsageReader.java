/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.allocation.TagKeys;
import dev.outlay.carbon.UsageLine;
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
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger's usage rows of a window, summed in PostgreSQL over everything the classifier and the grouping read
 * (provider, service, region, usage type, SKU, resource type, unit, month, currency, group values). Only
 * {@code ChargeCategory = Usage} rows: purchases, taxes, credits and Savings Plan negations carry no usage of their own.
 */
@ApplicationScoped
public class CarbonUsageReader {

    @Inject
    AgroalDataSource dataSource;

    public List<UsageLine> read(LocalDate from, LocalDate to, List<CarbonDimension> groupBy) {
        try (Connection c = TenantConnections.open(dataSource)) {
            Map<String, TreeSet<String>> spellings = tagSpellings(c, from, to);
            StringBuilder sql = new StringBuilder("SELECT provider_name, service_name, region_id, x_usage_type, sku_id, resource_type, "
                    + "COALESCE(consumed_unit, pricing_unit), (date_trunc('month', charge_period_start AT TIME ZONE 'UTC'))::date, billing_currency");
            List<String> params = new ArrayList<>();
            for (CarbonDimension d : groupBy) {
                sql.append(", ");
                if (d.column != null) {
                    sql.append(d.column);
                    continue;
                }
                sql.append(dev.outlay.allocation.TagValueSql.firstNonBlank(spellings.getOrDefault(d.canonicalTag, new TreeSet<>()), params));
            }
            int keyColumns = 9 + groupBy.size();
            sql.append(", sum(COALESCE(consumed_quantity, pricing_quantity)), sum(effective_cost), count(*) FROM outlay.ledger_charge "
                    + "WHERE tenant_id = ? AND charge_category = 'Usage' AND billing_period >= ? AND billing_period < ? "
                    + "AND charge_period_start >= ? AND charge_period_start < ? GROUP BY ");
            for (int i = 1; i <= keyColumns; i++) sql.append(i > 1 ? ", " : "").append(i);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (String k : params) ps.setString(p++, k);
                ps.setString(p++, TenantContext.requireTenant());
                // A charge can start in the month before its billing period (late usage): one month of slack on the partition key.
                ps.setDate(p++, Date.valueOf(YearMonth.from(from).minusMonths(1).atDay(1)));
                ps.setDate(p++, Date.valueOf(YearMonth.from(to).plusMonths(2).atDay(1)));
                ps.setTimestamp(p++, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
                ps.setTimestamp(p, Timestamp.from(to.atStartOfDay().toInstant(ZoneOffset.UTC)));
                List<UsageLine> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> group = new ArrayList<>(groupBy.size());
                        for (int i = 0; i < groupBy.size(); i++) {
                            String v = rs.getString(10 + i);
                            group.add(groupBy.get(i).canonicalTag != null ? TagKeys.normalizeValue(v) : v);
                        }
                        out.add(new UsageLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getBigDecimal(keyColumns + 1), YearMonth.from(rs.getDate(8).toLocalDate()),
                                null, rs.getString(9), rs.getBigDecimal(keyColumns + 2), rs.getLong(keyColumns + 3), group));
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's usage", e);
        }
    }

    /** The spellings of each ownership tag key the window's loaded scopes carry (V65 {@code ledger_tag_key}). */
    private static Map<String, TreeSet<String>> tagSpellings(Connection c, LocalDate from, LocalDate to) throws SQLException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT tag_key FROM outlay.ledger_tag_key WHERE tenant_id = ? AND billing_period >= ? AND billing_period < ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setDate(2, Date.valueOf(YearMonth.from(from).minusMonths(1).atDay(1)));
            ps.setDate(3, Date.valueOf(YearMonth.from(to).plusMonths(2).atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String raw = rs.getString(1);
                    TagKeys.canonical(raw).ifPresent(k -> out.computeIfAbsent(k, x -> new TreeSet<>(TagKeys.SPELLING_ORDER)).add(raw));
                }
            }
        }
        return out;
    }
}
