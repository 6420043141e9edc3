/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.findings.DailyMetric;
import dev.outlay.model.inventory.InventoryItem;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Inventory imports, items and daily metric aggregates of the current tenant (row-level security scopes every
 * statement). Writes join the caller's transaction; {@link InventoryWriter} owns it.
 */
@ApplicationScoped
public class InventoryStore {

    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    void insertImport(UUID id, String source, ImportContent content, ImportFormat format, String sha256, int items,
                      int samples, String createdBy, Instant createdAt) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlay.inventory_import (id, tenant_id, source, content, format, file_sha256, items, samples, "
                        + "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, id);
            ps.setString(2, TenantContext.requireTenant());
            ps.setString(3, source);
            ps.setString(4, content.wireName());
            ps.setString(5, format.wireName());
            ps.setString(6, sha256);
            ps.setInt(7, items);
            ps.setInt(8, samples);
            ps.setString(9, createdBy);
            ps.setTimestamp(10, Timestamp.from(createdAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the inventory import", e);
        }
    }

    /** Inserts or replaces each item as seen by this import; a listed item is present again. */
    void upsertItems(UUID importId, String source, List<InventoryItem> items) {
        String sql = "INSERT INTO outlay.inventory_item (tenant_id, resource_id, provider, account_id, region, zone, kind, "
                + "state, size, attached_to, created_at, state_since, tags, attributes, observed_at, source, import_id, present) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,true) ON CONFLICT (tenant_id, resource_id) DO UPDATE SET "
                + "provider = excluded.provider, account_id = excluded.account_id, region = excluded.region, zone = excluded.zone, "
                + "kind = excluded.kind, state = excluded.state, size = excluded.size, attached_to = excluded.attached_to, "
                + "created_at = excluded.created_at, state_since = excluded.state_since, tags = excluded.tags, "
                + "attributes = excluded.attributes, observed_at = excluded.observed_at, source = excluded.source, "
                + "import_id = excluded.import_id, present = true";
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (InventoryItem i : items) {
                ps.setString(1, tenant);
                ps.setString(2, i.resourceId());
                ps.setString(3, i.provider());
                ps.setString(4, i.accountId());
                ps.setString(5, i.region());
                ps.setString(6, i.zone());
                ps.setString(7, i.kind().wireName());
                ps.setString(8, i.state());
                ps.setString(9, i.size());
                ps.setString(10, i.attachedTo());
                ps.setTimestamp(11, i.createdAt() == null ? null : Timestamp.from(i.createdAt()));
                ps.setTimestamp(12, i.stateSince() == null ? null : Timestamp.from(i.stateSince()));
                ps.setString(13, toJson(i.tags()));
                ps.setString(14, toJson(i.attributes()));
                ps.setTimestamp(15, Timestamp.from(i.observedAt()));
                ps.setString(16, source);
                ps.setObject(17, importId);
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store inventory items", e);
        }
    }

    /**
     * Full-snapshot rule: items of {@code source} that this import did not list become {@code present = false}.
     * With {@code scopes}, only inside those (region, kind) pairs; null = the whole source.
     */
    int markAbsent(UUID importId, String source, List<AbsenceScope> scopes) {
        StringBuilder sql = new StringBuilder("UPDATE outlay.inventory_item SET present = false "
                + "WHERE source = ? AND present AND import_id <> ?");
        if (scopes != null) {
            if (scopes.isEmpty()) return 0;
            sql.append(" AND (coalesce(region, ''), kind) IN (SELECT * FROM unnest(?::text[], ?::text[]))");
        }
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, source);
            ps.setObject(2, importId);
            if (scopes != null) {
                ps.setArray(3, c.createArrayOf("text", scopes.stream().map(s -> s.region() == null ? "" : s.region()).toArray()));
                ps.setArray(4, c.createArrayOf("text", scopes.stream().map(s -> s.kind().wireName()).toArray()));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark unlisted inventory items absent", e);
        }
    }

    /** Inserts or replaces each (resource, metric, day) aggregate. */
    void upsertDaily(UUID importId, List<DailyMetric> days) {
        String sql = "INSERT INTO outlay.metric_daily (tenant_id, resource_id, metric, day, average, maximum, total, "
                + "covered_seconds, import_id) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, resource_id, metric, day) "
                + "DO UPDATE SET average = excluded.average, maximum = excluded.maximum, total = excluded.total, "
                + "covered_seconds = excluded.covered_seconds, import_id = excluded.import_id";
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (DailyMetric d : days) {
                ps.setString(1, tenant);
                ps.setString(2, d.resourceId());
                ps.setString(3, d.metric().wireName());
                ps.setDate(4, Date.valueOf(d.day()));
                ps.setBigDecimal(5, d.average());
                ps.setBigDecimal(6, d.maximum());
                ps.setBigDecimal(7, d.sum());
                ps.setInt(8, (int) Math.min(d.coveredSeconds(), DailyMetric.SECONDS_PER_DAY));
                ps.setObject(9, importId);
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store daily metrics", e);
        }
    }

    public List<InventoryItemView> items(String kind, String state, Boolean present, int limit) {
        StringBuilder sql = new StringBuilder("SELECT resource_id, provider, account_id, region, zone, kind, state, size, "
                + "attached_to, created_at, state_since, tags::text, attributes::text, observed_at, source, import_id, present "
                + "FROM outlay.inventory_item WHERE true");
        List<Object> args = new ArrayList<>();
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        if (present != null) {
            sql.append(" AND present = ?");
            args.add(present);
        }
        sql.append(" ORDER BY resource_id LIMIT ?");
        args.add(limit);
        List<InventoryItemView> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InventoryItemView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), fromJson(rs.getString(12)),
                            fromJson(rs.getString(13)), instant(rs.getTimestamp(14)), rs.getString(15),
                            rs.getObject(16, UUID.class), rs.getBoolean(17)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read inventory", e);
        }
        return out;
    }

    public List<InventoryImport> imports(int limit) {
        List<InventoryImport> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT id, source, content, format, file_sha256, items, samples, created_by, created_at "
                        + "FROM outlay.inventory_import ORDER BY created_at DESC, id LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InventoryImport(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
                            instant(rs.getTimestamp(9))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read inventory imports", e);
        }
        return out;
    }

    public List<MetricDayView> metricDays(String resourceId, String metric, int limit) {
        StringBuilder sql = new StringBuilder("SELECT resource_id, metric, day, average, maximum, total, covered_seconds, "
                + "import_id FROM outlay.metric_daily WHERE resource_id = ?");
        if (metric != null) sql.append(" AND metric = ?");
        sql.append(" ORDER BY metric, day LIMIT ?");
        List<MetricDayView> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, resourceId);
            if (metric != null) ps.setString(i++, metric);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricDayView(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7),
                            rs.getObject(8, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read daily metrics", e);
        }
        return out;
    }

    /**
     * The present items as canonical {@link InventoryItem}s, ordered by resource id: what a findings scan joins to the
     * ledger on {@code resourceId}, with the cross-item facts the detectors read filled in where the source did not
     * give them ({@link InventoryRelations}). An item whose stored kind this build does not know is skipped.
     */
    public List<InventoryItem> presentItems(java.time.LocalDate scanDate) {
        List<InventoryItem> out = new ArrayList<>();
        for (InventoryItemView v : items(null, null, Boolean.TRUE, Integer.MAX_VALUE)) {
            var kind = dev.outlay.model.inventory.ResourceKind.fromWire(v.kind());
            if (kind.isEmpty()) continue;
            out.add(new InventoryItem(v.provider(), v.accountId(), v.region(), v.zone(), v.resourceId(), kind.get(), v.state(),
                    v.size(), v.attachedTo(), v.createdAt(), v.stateSince(), v.tags(), v.attributes(), v.observedAt()));
        }
        return InventoryRelations.enrich(out, scanDate);
    }

    /** Daily aggregates of every resource for days in [{@code from}, {@code to}], ordered by resource, metric, day. */
    public List<DailyMetric> dailyMetrics(java.time.LocalDate from, java.time.LocalDate to) {
        List<DailyMetric> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT resource_id, metric, day, average, maximum, total, covered_seconds FROM outlay.metric_daily "
                        + "WHERE day BETWEEN ? AND ? ORDER BY resource_id, metric, day")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var metric = dev.outlay.model.inventory.MetricName.fromWire(rs.getString(2));
                    if (metric.isEmpty()) continue;
                    out.add(new DailyMetric(rs.getString(1), metric.get(), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read daily metrics", e);
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String toJson(Map<String, String> m) {
        try {
            return json.writeValueAsString(new TreeMap<>(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are unreadable", e);
        }
    }
}
