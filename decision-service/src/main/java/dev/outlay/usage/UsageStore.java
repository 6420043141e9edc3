/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The usage_event table of the current tenant (row-level security scopes every statement to it as well). */
@ApplicationScoped
public class UsageStore {

    @Inject
    AgroalDataSource dataSource;

    /** Appends in the caller's transaction when there is one, so an action and its metering commit together. */
    void append(UsageMetric metric, String event, long quantity, String subjectType, String subjectId, String detail) {
        String actor = TenantContext.caller().map(c -> c.subject()).orElse("system");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.usage_event (tenant_id, id, metric, event, quantity, subject_type, subject_id, detail, actor)
                VALUES (?,?,?,?,?,?,?,?,?)""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, metric.id());
            ps.setString(4, event);
            ps.setLong(5, quantity);
            ps.setString(6, subjectType);
            ps.setString(7, subjectId);
            ps.setString(8, detail);
            ps.setString(9, actor);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the usage event", e);
        }
    }

    /** Events with {@code from <= at < to}, optionally of one metric, oldest first. */
    public List<UsageEvent> list(Instant from, Instant to, UsageMetric metric) {
        String sql = "SELECT id, at, metric, event, quantity, subject_type, subject_id, detail, actor FROM outlay.usage_event "
                + "WHERE tenant_id = ? AND at >= ? AND at < ?" + (metric == null ? "" : " AND metric = ?") + " ORDER BY at, id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            if (metric != null) ps.setString(4, metric.id());
            List<UsageEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UsageEvent(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read usage events", e);
        }
    }

    /** The sum of a metric's quantities before {@code to}: a level metric's value at that time. */
    public long levelAt(UsageMetric metric, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(quantity), 0) FROM outlay.usage_event WHERE tenant_id = ? AND metric = ? AND at < ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, metric.id());
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read usage", e);
        }
    }
}
