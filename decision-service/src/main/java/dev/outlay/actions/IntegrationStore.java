/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Integration connections and their evidence, of the current tenant (row-level secured). */
@ApplicationScoped
public class IntegrationStore {

    private static final String COLUMNS = "id, name, kind, settings::text, healthy, health_detail, created_by, created_at, "
            + "sealed_inbound_secret IS NOT NULL";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    static String missing(String channel, String target) {
        return "no " + channel + " connection named " + target;
    }

    public List<Integration> list() {
        return query("SELECT " + COLUMNS + " FROM outlay.integration ORDER BY name, kind");
    }

    public Optional<Integration> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM outlay.integration WHERE id = ?", id).stream().findFirst();
    }

    public Optional<Integration> findByName(String kind, String name) {
        return query("SELECT " + COLUMNS + " FROM outlay.integration WHERE kind = ? AND name = ?", kind, name).stream().findFirst();
    }

    public boolean nameTaken(String kind, String name) {
        return findByName(kind, name).isPresent();
    }

    public void insert(UUID id, IntegrationInput in, String sealed, String sealedInbound, String by) {
        String settings;
        try {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("url", in.effectiveUrl());
            if (in.channel() != null) values.put("channel", in.channel());
            if (in.issueType() != null) values.put("issueType", in.issueType());
            if (in.assignees() != null) values.put("assignees", new java.util.TreeMap<>(in.assignees()));
            if (in.users() != null) values.put("users", new java.util.TreeMap<>(in.users()));
            if (in.ref() != null) values.put("ref", in.ref());
            settings = json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        update("INSERT INTO outlay.integration (id, tenant_id, name, kind, settings, sealed_secret, sealed_inbound_secret, created_by) "
                        + "VALUES (?,?,?,?,?::jsonb,?,?,?)", id, TenantContext.requireTenant(), in.name(), in.kind(), settings, sealed, sealedInbound, by);
    }

    /** Replaces the Slack user → Outlay user map of a connection (a setting, not a secret). */
    public void users(UUID id, Map<String, String> users) {
        try {
            update("UPDATE outlay.integration SET settings = jsonb_set(settings, '{users}', ?::jsonb) WHERE id = ?",
                    json.writeValueAsString(new java.util.TreeMap<>(users)), id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(UUID id) {
        update("DELETE FROM outlay.integration WHERE id = ?", id);
    }

    public String sealedSecret(UUID id) {
        return sealed(id, "sealed_secret");
    }

    /** The sealed secret the other side signs its requests to us with; null when none was set. */
    public String sealedInboundSecret(UUID id) {
        return sealed(id, "sealed_inbound_secret");
    }

    private String sealed(UUID id, String column) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM outlay.integration WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("integration " + id + " is gone");
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read integration secret", e);
        }
    }

    public void health(UUID id, boolean healthy, String detail) {
        update("UPDATE outlay.integration SET healthy = ?, health_detail = ? WHERE id = ?", healthy, detail, id);
    }

    /** Held deliveries for this connection become due again; returns how many. */
    public int release(String kind, String name) {
        return update("UPDATE outlay.action_delivery SET status = 'pending', next_attempt_at = now(), attempts = 0 "
                + "WHERE status = 'held' AND channel = ? AND target = ?", kind, name);
    }

    public Evidence addEvidence(UUID integrationId, boolean ok, Integer status, String detail, String body, String by) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.integration_evidence (tenant_id, integration_id, ok, status_code, "
                     + "detail, request_body, tested_by) VALUES (?,?,?,?,?,?,?) RETURNING id, at")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, integrationId);
            ps.setBoolean(3, ok);
            ps.setObject(4, status);
            ps.setString(5, detail);
            ps.setString(6, body);
            ps.setString(7, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Evidence(rs.getLong(1), integrationId, ok, status, detail, body, by, rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store evidence", e);
        }
    }

    public List<Evidence> evidence(UUID integrationId) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT id, ok, status_code, detail, request_body, tested_by, at "
                     + "FROM outlay.integration_evidence WHERE integration_id = ? ORDER BY id DESC LIMIT 100")) {
            ps.setObject(1, integrationId);
            List<Evidence> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence(rs.getLong(1), integrationId, rs.getBoolean(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read evidence", e);
        }
    }

    private List<Integration> query(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<Integration> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode settings = json.readTree(rs.getString(4));
                    Map<String, String> assignees = map(settings, "assignees");
                    Map<String, String> users = map(settings, "users");
                    out.add(new Integration(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), settings.path("url").asText(null),
                            settings.path("channel").asText(null), settings.path("issueType").asText(null), assignees, users, settings.path("ref").asText(null),
                            Integration.MASK, rs.getBoolean(9), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read integrations", e);
        }
    }

    private Map<String, String> map(JsonNode settings, String field) {
        return settings.has(field) ? json.convertValue(settings.get(field), new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() {
        }) : null;
    }

    private int update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write integration data: " + e.getMessage(), e);
        }
    }
}
