/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The current tenant's unpublished domain events, claimed for one publisher at a time. */
@ApplicationScoped
public class OutboxRows {

    @Inject
    AgroalDataSource dataSource;

    /**
     * The oldest unpublished events, row-locked until the caller's transaction ends; empty when another publisher holds
     * this tenant. One publisher per tenant at a time (a transaction-scoped advisory lock on the tenant): with row
     * locks alone, a second instance would SKIP LOCKED past the first's batch and send the tenant's later events
     * before its earlier ones, and the tenant key promises order. SKIP LOCKED stays as the guard for the rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Envelope> claim(int limit) {
        String sql = """
                SELECT id, kind, schema_version, tenant_id, occurred_at, payload::text FROM outlay.domain_event
                WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtext('domain_event:' || ?))");
             PreparedStatement ps = c.prepareStatement(sql)) {
            lock.setString(1, dev.outlay.tenancy.TenantContext.requireTenant());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) return List.of();
            }
            ps.setInt(1, limit);
            List<Envelope> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Envelope(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim domain events: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markPublished(List<UUID> ids) {
        if (ids.isEmpty()) return;
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.domain_event SET published_at = clock_timestamp() WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark domain events published: " + e.getMessage(), e);
        }
    }

    /** Tests and operators: how many events of the current tenant wait. */
    public long unpublished() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outlay.domain_event WHERE published_at IS NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
