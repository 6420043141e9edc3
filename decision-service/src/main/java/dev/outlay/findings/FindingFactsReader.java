/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.ResourceKind;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what a scan judges, set-wise for the whole tenant: present inventory items, the metric window's daily
 * aggregates and the billing window's ledger rows (grouped per day, usage type, operation, currency and commitment
 * coverage, which is all the rules read), then one {@link ResourceFacts} per resource in resource-id order, each
 * carrying the scan's {@link EnvironmentPeers}. A resource only billing knows has no item; one only inventory knows
 * has no ledger days.
 */
@ApplicationScoped
public class FindingFactsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** What a scan read: the facts per resource, and the inventory items a source no longer lists. */
    public record Read(List<ResourceFacts> facts, Map<String, Instant> absent) {
    }

    public Read read(LocalDate asOf) {
        String tenant = TenantContext.requireTenant();
        Map<String, InventoryItem> items = new TreeMap<>();
        Map<String, Instant> absent = new TreeMap<>();
        Map<String, List<DailyMetric>> metrics = new TreeMap<>();
        Map<String, List<LedgerDay>> ledger = new TreeMap<>();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT resource_id, provider, account_id, region, zone, kind, state, size, attached_to, created_at, state_since,
                      tags::text, attributes::text, observed_at, present
                    FROM outlay.inventory_item WHERE tenant_id = ? ORDER BY resource_id""")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!rs.getBoolean(15)) {
                            absent.put(id, rs.getTimestamp(14).toInstant());
                            continue;
                        }
                        Optional<ResourceKind> kind = ResourceKind.fromWire(rs.getString(6));
                        if (kind.isEmpty()) continue; // a kind this version does not know: no detector judges it
                        items.put(id, new InventoryItem(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), id, kind.get(),
                                rs.getString(7), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                                strings(rs.getString(12)), strings(rs.getString(13)), rs.getTimestamp(14).toInstant()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT resource_id, metric, day, average, maximum, total, covered_seconds FROM outlay.metric_daily
                    WHERE tenant_id = ? AND day > ? AND day <= ? ORDER BY resource_id, metric, day""")) {
                ps.setString(1, tenant);
                ps.setObject(2, asOf.minusDays(FindingFacts.METRIC_WINDOW_DAYS));
                ps.setObject(3, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<MetricName> m = MetricName.fromWire(rs.getString(2));
                        if (m.isEmpty()) continue;
                        metrics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DailyMetric(rs.getString(1), m.get(),
                                rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7)));
                    }
                }
            }
            // Hours: the consumed quantity when it is metered in hours, else the pricing quantity when that is. FOCUS
            // spells the unit "Hours"; the AWS CUR's pricing_unit says "Hrs" (and "Hours" for some services).
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT resource_id, (charge_period_start AT TIME ZONE 'UTC')::date AS day, x_usage_type, x_operation, billing_currency,
                      commitment_discount_id IS NOT NULL AS covered, tags::text,
                      sum(CASE WHEN consumed_unit ILIKE 'hour%' OR consumed_unit ILIKE 'hrs' THEN consumed_quantity
                               WHEN pricing_unit ILIKE 'hour%' OR pricing_unit ILIKE 'hrs' THEN pricing_quantity ELSE 0 END),
                      sum(effective_cost), sum(list_cost)
                    FROM outlay.ledger_charge
                    WHERE tenant_id = ? AND resource_id IS NOT NULL AND resource_id <> ''
                      AND charge_period_start >= ? AND charge_period_start < ?
                    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3 NULLS FIRST, 4 NULLS FIRST, 5, 6, 7""")) {
                ps.setString(1, tenant);
                ps.setObject(2, asOf.minusDays(FindingFacts.BILLING_WINDOW_DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
                ps.setObject(3, asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ledger.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LedgerDay(rs.getString(1),
                                rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getBigDecimal(8), rs.getBigDecimal(9),
                                rs.getBigDecimal(10), rs.getString(5), rs.getBoolean(6), strings(rs.getString(7))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scan's inventory, metrics and ledger", e);
        }
        TreeMap<String, ResourceFacts> facts = new TreeMap<>();
        for (String id : items.keySet()) facts.put(id, new ResourceFacts(id, items.get(id), ledger.get(id), metrics.get(id)));
        for (String id : ledger.keySet()) {
            // A resource the inventory lists as gone is not judged on its trailing charges: it is closed as gone.
            if (!facts.containsKey(id) && !absent.containsKey(id)) facts.put(id, new ResourceFacts(id, null, ledger.get(id), metrics.get(id)));
        }
        // The cross-resource signal (an application's environments against its production) over the whole tenant,
        // before any per-resource row is built.
        EnvironmentPeers peers = EnvironmentPeers.of(facts.values(), asOf);
        List<ResourceFacts> out = new ArrayList<>(facts.size());
        for (ResourceFacts f : facts.values()) out.add(f.withPeers(peers));
        return new Read(List.copyOf(out), absent);
    }

    private static Map<String, String> strings(String json) {
        if (json == null) return Map.of();
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            Map<String, String> out = new TreeMap<>();
            raw.forEach((k, v) -> {
                if (v != null) out.put(k, v.toString());
            });
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tags or attributes", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
