/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a billing period of the ledger as distinct charge groups: PostgreSQL does the GROUP BY over the
 * dimensions the allocation rules read (ownership tags resolved across their key spellings), the day and the
 * billing currency, so the rules run once per distinct inputs instead of once per row and no group mixes currencies.
 */
@ApplicationScoped
public class ChargeGroups {

    /** Ledger column (or expression) → rule input name. */
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("provider_name", "provider");
        DIMENSIONS.put("billing_account_id", "billingAccount");
        // Rules name sub-accounts the way people do ("payments-prod"), so the name wins over the numeric id.
        DIMENSIONS.put("COALESCE(sub_account_name, sub_account_id)", "subAccount");
        DIMENSIONS.put("service_name", "serviceName");
        DIMENSIONS.put("service_category", "serviceCategory");
        DIMENSIONS.put("region_id", "region");
        DIMENSIONS.put("resource_type", "resourceType");
        DIMENSIONS.put("charge_category", "chargeCategory");
    }

    /** Canonical tag → rule input name. */
    static final Map<String, String> TAG_INPUTS = Map.of(
            TagKeys.TEAM, "tagTeam", TagKeys.PRODUCT, "tagProduct", TagKeys.ENVIRONMENT, "tagEnvironment",
            TagKeys.COST_CENTER, "tagCostCenter", TagKeys.APPLICATION, "tagApplication");

    @Inject
    AgroalDataSource dataSource;

    public List<ChargeGroup> load(String tenant, LocalDate billingPeriod) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, tenant, billingPeriod);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for allocation", e);
        }
    }

    public boolean hasRows(String tenant, LocalDate billingPeriod) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?)")) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(billingPeriod));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for allocation", e);
        }
    }

    /** The set-wise read on a given connection; plain JDBC, so the allocation benchmark runs it without the service. */
    public static List<ChargeGroup> load(Connection c, String tenant, LocalDate billingPeriod) throws SQLException {
        Map<String, TreeSet<String>> rawKeys = rawTagKeys(c, tenant, billingPeriod);
        StringBuilder select = new StringBuilder("SELECT ");
        DIMENSIONS.keySet().forEach(col -> select.append(col).append(", "));
        List<String> tagOrder = new ArrayList<>(new TreeSet<>(TAG_INPUTS.keySet()));
        List<String> keyParams = new ArrayList<>();
        for (String canonical : tagOrder) {
            TreeSet<String> keys = rawKeys.getOrDefault(canonical, new TreeSet<>());
            if (keys.isEmpty()) {
                select.append("NULL::text, ");
            } else if (keys.size() == 1) {
                // One spelling: TagKeys.normalizeValue trims and blanks it in Java, and the merge below joins the groups
                // that differ only by spacing or case. Several spellings need SQL to fall through blank values.
                select.append("tags->>?, ");
                keyParams.add(keys.first());
            } else {
                select.append(TagValueSql.firstNonBlank(keys, keyParams)).append(", ");
            }
        }
        select.append("(charge_period_start AT TIME ZONE 'UTC')::date, billing_currency, ");
        int dims = DIMENSIONS.size() + tagOrder.size() + 2;
        select.append("sum(effective_cost), count(*) FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ? GROUP BY ");
        for (int i = 1; i <= dims; i++) select.append(i > 1 ? ", " : "").append(i);
        select.append(" ORDER BY ");
        for (int i = 1; i <= dims; i++) select.append(i > 1 ? ", " : "").append(i).append(" NULLS FIRST");

        // Groups whose tag values differ only in case/spacing merge after normalisation.
        TreeMap<String, ChargeGroup> merged = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            int p = 1;
            for (String k : keyParams) ps.setString(p++, k);
            ps.setString(p++, tenant);
            ps.setDate(p, Date.valueOf(billingPeriod));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> inputs = new TreeMap<>();
                    int col = 1;
                    for (String name : DIMENSIONS.values()) inputs.put(name, rs.getString(col++));
                    for (String canonical : tagOrder) inputs.put(TAG_INPUTS.get(canonical), TagKeys.normalizeValue(rs.getString(col++)));
                    java.time.LocalDate day = rs.getDate(col++).toLocalDate();
                    String currency = rs.getString(col++);
                    BigDecimal cost = rs.getBigDecimal(col++);
                    long rows = rs.getLong(col);
                    String key = inputs + "@" + day + "@" + currency;
                    ChargeGroup prev = merged.get(key);
                    merged.put(key, prev == null ? new ChargeGroup(inputs, day, currency, cost, rows)
                            : new ChargeGroup(inputs, day, currency, prev.effectiveCost().add(cost), prev.rows() + rows));
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static Map<String, TreeSet<String>> rawTagKeys(Connection c, String tenant, LocalDate period) throws SQLException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        // The loader records each scope's tag keys (V65); only periods loaded before that are scanned for them.
        boolean indexed = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT tag_key FROM outlay.ledger_tag_key WHERE tenant_id = ? AND billing_period = ?")) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(period));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexed = true;
                    String raw = rs.getString(1);
                    TagKeys.canonical(raw).ifPresent(k -> out.computeIfAbsent(k, x -> new TreeSet<>(TagKeys.SPELLING_ORDER)).add(raw));
                }
            }
        }
        if (indexed && coversLedger(c, tenant, period)) return out;
        out.clear();
        try (PreparedStatement ps = c.prepareStatement(
                // Distinct tag objects first: a period repeats few of them, so far fewer keys get expanded.
                "SELECT DISTINCT k FROM (SELECT DISTINCT tags FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?) t, "
                        + "jsonb_object_keys(t.tags) k")) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(period));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String raw = rs.getString(1);
                    TagKeys.canonical(raw).ifPresent(k -> out.computeIfAbsent(k, x -> new TreeSet<>(TagKeys.SPELLING_ORDER)).add(raw));
                }
            }
        }
        return out;
    }

    /**
     * Whether every scope the loader wrote for the period (its daily rollup names them, also for loads older than
     * V65) has its keys recorded; otherwise the period is scanned.
     */
    private static boolean coversLedger(Connection c, String tenant, LocalDate period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT NOT EXISTS (
                  SELECT 1 FROM (SELECT DISTINCT source, billing_account_id FROM outlay.ledger_daily
                                 WHERE tenant_id = ? AND billing_period = ?) l
                  WHERE NOT EXISTS (SELECT 1 FROM outlay.ledger_tag_key k WHERE k.tenant_id = ? AND k.billing_period = ?
                                      AND k.source = l.source AND k.billing_account_id = l.billing_account_id))""")) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(period));
            ps.setString(3, tenant);
            ps.setDate(4, Date.valueOf(period));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
