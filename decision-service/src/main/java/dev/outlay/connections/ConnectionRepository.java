/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Connections of the current tenant (row-level security scopes every statement). The sealed secret is read only
 * through {@link #sealedSecret}, never as part of a {@link Connection}.
 */
@ApplicationScoped
public class ConnectionRepository {

    private static final String COLUMNS = "id, name, kind, enabled, settings::text, sealed_secret IS NOT NULL, created_by, created_at, "
            + "updated_at, last_poll_at, last_poll_status, last_poll_detail";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public List<Connection> list() {
        return query("SELECT " + COLUMNS + " FROM outlay.connection ORDER BY name", null);
    }

    public List<Connection> enabled(String kind) {
        return query("SELECT " + COLUMNS + " FROM outlay.connection WHERE enabled AND kind = ? ORDER BY name", kind);
    }

    public Optional<Connection> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM outlay.connection WHERE id = ?", id).stream().findFirst();
    }

    public boolean nameTaken(String name) {
        return !query("SELECT " + COLUMNS + " FROM outlay.connection WHERE name = ?", name).isEmpty();
    }

    public void insert(UUID id, ConnectionInput in, ConnectionSettings settings, String sealed, String createdBy) {
        update("INSERT INTO outlay.connection (id, tenant_id, name, kind, enabled, settings, sealed_secret, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                id, TenantContext.requireTenant(), in.name(), in.kind(), in.enabled() == null || in.enabled(), toJson(settings), sealed, createdBy);
    }

    /** Updates settings and, when {@code sealed} is not null, the credentials. */
    public void update(UUID id, boolean enabled, ConnectionSettings settings, String sealed) {
        update("UPDATE outlay.connection SET enabled = ?, settings = ?::jsonb, sealed_secret = coalesce(?, sealed_secret), "
                + "updated_at = now() WHERE id = ?", enabled, toJson(settings), sealed, id);
    }

    public void delete(UUID id) {
        update("DELETE FROM outlay.connection WHERE id = ?", id);
    }

    public void recordPoll(UUID id, Instant at, String status, String detail) {
        update("UPDATE outlay.connection SET last_poll_at = ?, last_poll_status = ?, last_poll_detail = ? WHERE id = ?",
                Timestamp.from(at), status, detail, id);
    }

    public Optional<String> sealedSecret(UUID id) {
        try (java.sql.Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT sealed_secret FROM outlay.connection WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read connection credentials", e);
        }
    }

    private List<Connection> query(String sql, Object arg) {
        List<Connection> out = new ArrayList<>();
        try (java.sql.Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean hasSecret = rs.getBoolean(6);
                    Timestamp polled = rs.getTimestamp(10);
                    out.add(new Connection((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            json.readValue(rs.getString(5), ConnectionInput.settingsType(rs.getString(3))), hasSecret ? Connection.mask(rs.getString(3)) : null, hasSecret,
                            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                            polled == null ? null : new Connection.LastPoll(polled.toInstant(), rs.getString(11), rs.getString(12))));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read connections", e);
        }
        return out;
    }

    private void update(String sql, Object... args) {
        try (java.sql.Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write connection", e);
        }
    }

    private String toJson(ConnectionSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
