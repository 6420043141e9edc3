/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Metric and KPI definitions and metric values of the current tenant (row-level security scopes every statement). */
@ApplicationScoped
public class EconomicsRepository {

    @Inject
    AgroalDataSource dataSource;

    public List<MetricDefinition> metrics() {
        return metricQuery("SELECT name, unit, grain, scope, description, updated_by, updated_at FROM outlay.metric_definition ORDER BY name", null);
    }

    public Optional<MetricDefinition> metric(String name) {
        return metricQuery("SELECT name, unit, grain, scope, description, updated_by, updated_at FROM outlay.metric_definition WHERE name = ?", name)
                .stream().findFirst();
    }

    public void upsertMetric(MetricDefinition m) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.metric_definition (tenant_id, name, unit, grain, scope, description, updated_by, updated_at)
                VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, name) DO UPDATE SET unit = excluded.unit, grain = excluded.grain,
                  scope = excluded.scope, description = excluded.description, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, m.name());
            ps.setString(3, m.unit());
            ps.setString(4, m.grain());
            ps.setString(5, m.scope());
            ps.setString(6, m.description());
            ps.setString(7, m.updatedBy());
            ps.setTimestamp(8, Timestamp.from(m.updatedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store metric", e);
        }
    }

    public boolean deleteMetric(String name) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.metric_definition WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete metric", e);
        }
    }

    public boolean metricUsedByKpi(String name) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outlay.kpi_definition WHERE metric = ? LIMIT 1")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read KPIs", e);
        }
    }

    /** Inserts or replaces each (day, scope value) of the metric; called inside the caller's transaction. */
    public void upsertValues(String metric, List<MetricValue> values) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.metric_value (tenant_id, metric, day, scope_value, value) VALUES (?,?,?,?,?)
                ON CONFLICT (tenant_id, metric, day, scope_value) DO UPDATE SET value = excluded.value""")) {
            String tenant = TenantContext.requireTenant();
            for (MetricValue v : values) {
                ps.setString(1, tenant);
                ps.setString(2, metric);
                ps.setDate(3, Date.valueOf(v.day()));
                ps.setString(4, v.scopeValue());
                ps.setBigDecimal(5, v.value());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store metric values", e);
        }
    }

    /** The metric's values for one scope value, {@code from} inclusive, {@code to} exclusive, by day. */
    public TreeMap<LocalDate, BigDecimal> values(String metric, String scopeValue, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, BigDecimal> out = new TreeMap<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT day, value FROM outlay.metric_value WHERE metric = ? AND scope_value = ? AND day >= ? AND day < ?")) {
            ps.setString(1, metric);
            ps.setString(2, scopeValue);
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read metric values", e);
        }
        return out;
    }

    public List<KpiDefinition> kpis() {
        return kpiQuery("SELECT name, numerator_dimension, numerator_value, metric, description, updated_by, updated_at FROM outlay.kpi_definition ORDER BY name", null);
    }

    public Optional<KpiDefinition> kpi(String name) {
        return kpiQuery("SELECT name, numerator_dimension, numerator_value, metric, description, updated_by, updated_at FROM outlay.kpi_definition WHERE name = ?", name)
                .stream().findFirst();
    }

    public void upsertKpi(KpiDefinition k) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.kpi_definition (tenant_id, name, numerator_dimension, numerator_value, metric, description, updated_by, updated_at)
                VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, name) DO UPDATE SET numerator_dimension = excluded.numerator_dimension,
                  numerator_value = excluded.numerator_value, metric = excluded.metric, description = excluded.description,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, k.name());
            ps.setString(3, k.numeratorDimension());
            ps.setString(4, k.numeratorValue());
            ps.setString(5, k.metric());
            ps.setString(6, k.description());
            ps.setString(7, k.updatedBy());
            ps.setTimestamp(8, Timestamp.from(k.updatedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store KPI", e);
        }
    }

    private List<MetricDefinition> metricQuery(String sql, String name) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) ps.setString(1, name);
            List<MetricDefinition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read metrics", e);
        }
    }

    private List<KpiDefinition> kpiQuery(String sql, String name) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) ps.setString(1, name);
            List<KpiDefinition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KpiDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read KPIs", e);
        }
    }
}
