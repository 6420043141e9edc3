/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SCIM users of the current tenant (row-level security scopes every statement; the tenant predicate is there too).
 * Each change is audited in its transaction; a user who stops being active, or is deleted, is deprovisioned in the
 * same transaction ({@link ScimDeprovisioning}: console sessions end, task claims are released).
 */
@ApplicationScoped
public class ScimUsers {

    /** Filterable attributes (lower case) and their columns. */
    static final Map<String, String> COLUMNS = Map.of(
            "username", "user_name", "externalid", "external_id", "displayname", "display_name",
            "id", "id::text", "active", "active::text");
    /** Set by the server, never by a client: a PATCH naming them is refused; a POST/PUT carrying them is ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "meta", "groups");
    static final ScimPatch PATCH = new ScimPatch(ScimMedia.USER, READ_ONLY);
    private static final String COLS = "id, user_name, external_id, display_name, active, attributes, version, created_at, modified_at";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    ScimDeprovisioning deprovisioning;

    @Transactional
    public ScimUser create(JsonNode body) {
        ObjectNode attrs = normalise(body);
        UUID id = UUID.randomUUID();
        ScimUser user = insert(id, attrs);
        audit.record("scim.user.create", "scim_user", id.toString(), null, Map.of("userName", user.userName(), "active", user.active()));
        return user;
    }

    public ScimUser get(UUID id) {
        return find(id).orElseThrow(() -> ScimException.notFound("No user " + id + "."));
    }

    public ScimPage<ScimUser> list(String filter, int startIndex, int count) {
        ScimFilter f = ScimFilter.parse(filter, COLUMNS);
        String tenant = TenantContext.requireTenant();
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        String where = " WHERE tenant_id = ?" + f.sql(params);
        try (Connection c = TenantConnections.open(dataSource)) {
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outlay.scim_user" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<ScimUser> out = new ArrayList<>();
            if (count > 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM outlay.scim_user" + where
                        + " ORDER BY created_at, id OFFSET ? LIMIT ?")) {
                    bind(ps, params);
                    ps.setInt(params.size() + 1, startIndex - 1);
                    ps.setInt(params.size() + 2, count);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.add(row(rs));
                    }
                }
            }
            return new ScimPage<>(out, total, startIndex);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list SCIM users", e);
        }
    }

    @Transactional
    public ScimUser replace(UUID id, JsonNode body, String ifMatch) {
        ScimUser before = locked(id);
        ScimJson.checkIfMatch(ifMatch, before.version());
        return write(before, normalise(body));
    }

    @Transactional
    public ScimUser patch(UUID id, JsonNode body, String ifMatch) {
        ScimUser before = locked(id);
        ScimJson.checkIfMatch(ifMatch, before.version());
        ObjectNode attrs = before.attributes().deepCopy();
        attrs.put("id", id.toString());
        PATCH.apply(attrs, body);
        attrs.remove("id");
        return write(before, normalise(attrs));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        ScimUser before = locked(id);
        ScimJson.checkIfMatch(ifMatch, before.version());
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.scim_user WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the SCIM user", e);
        }
        audit.record("scim.user.delete", "scim_user", id.toString(), Map.of("userName", before.userName()), null);
        deprovisioning.deprovision(before.userName(), "scim delete");
    }

    private ScimUser write(ScimUser before, ObjectNode attrs) {
        String userName = attrs.get("userName").asText();
        boolean active = attrs.get("active").booleanValue();
        String tenant = TenantContext.requireTenant();
        uniqueUserName(userName, before.id());
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE outlay.scim_user SET user_name = ?, external_id = ?, display_name = ?, active = ?, attributes = ?,
                         version = version + 1, modified_at = now()
                     WHERE tenant_id = ? AND id = ? RETURNING\s""" + COLS)) {
            ps.setString(1, userName);
            ps.setString(2, text(attrs, "externalId"));
            ps.setString(3, text(attrs, "displayName"));
            ps.setBoolean(4, active);
            ps.setString(5, ScimJson.canonical(attrs));
            ps.setString(6, tenant);
            ps.setObject(7, before.id());
            ScimUser after;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                after = row(rs);
            }
            audit.record("scim.user.update", "scim_user", before.id().toString(),
                    Map.of("userName", before.userName(), "active", before.active()), Map.of("userName", after.userName(), "active", after.active()));
            if (before.active() && !after.active()) deprovisioning.deprovision(before.userName(), "scim active=false");
            if (!before.userName().equalsIgnoreCase(after.userName())) deprovisioning.deprovision(before.userName(), "scim userName changed");
            return after;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw ScimException.uniqueness("A user with userName '" + userName + "' exists.");
            throw new IllegalStateException("could not update the SCIM user", e);
        }
    }

    private ScimUser insert(UUID id, ObjectNode attrs) {
        String userName = attrs.get("userName").asText();
        uniqueUserName(userName, null);
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO outlay.scim_user (tenant_id, id, user_name, external_id, display_name, active, attributes)
                     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING\s""" + COLS)) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, id);
            ps.setString(3, userName);
            ps.setString(4, text(attrs, "externalId"));
            ps.setString(5, text(attrs, "displayName"));
            ps.setBoolean(6, attrs.get("active").booleanValue());
            ps.setString(7, ScimJson.canonical(attrs));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw ScimException.uniqueness("A user with userName '" + userName + "' exists.");
            throw new IllegalStateException("could not store the SCIM user", e);
        }
    }

    /** RFC 7644 §3.3: a second user of the same userName is 409 uniqueness (checked first, so the transaction stays usable). */
    private void uniqueUserName(String userName, UUID self) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id FROM outlay.scim_user WHERE tenant_id = ? AND lower(user_name) = lower(?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, userName);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getObject(1, UUID.class).equals(self)) {
                    throw ScimException.uniqueness("A user with userName '" + userName + "' exists.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the userName", e);
        }
    }

    /** The attributes as stored: server-set and write-only ones dropped, userName required, active a boolean. */
    static ObjectNode normalise(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("A user is a JSON object.");
        ObjectNode attrs = ((ObjectNode) body).deepCopy();
        for (String ro : List.of("id", "meta", "groups", "password")) attrs.remove(ScimPatch.key(attrs, ro));
        String userName = ScimJson.string(attrs, "userName");
        if (userName == null) throw ScimException.invalidValue("'userName' is required.");
        if (userName.length() > 256 || userName.chars().anyMatch(Character::isISOControl)) {
            throw ScimException.invalidValue("'userName' must be at most 256 characters without control characters.");
        }
        ScimJson.string(attrs, "externalId");
        ScimJson.string(attrs, "displayName");
        ScimJson.bool(attrs, "active", true);
        JsonNode schemas = attrs.get(ScimPatch.key(attrs, "schemas"));
        if (schemas == null || !schemas.isArray()) attrs.putArray("schemas").add(ScimMedia.USER);
        return attrs;
    }

    public Optional<ScimUser> find(UUID id) {
        return select("SELECT " + COLS + " FROM outlay.scim_user WHERE tenant_id = ? AND id = ?", id);
    }

    private ScimUser locked(UUID id) {
        return select("SELECT " + COLS + " FROM outlay.scim_user WHERE tenant_id = ? AND id = ? FOR UPDATE", id)
                .orElseThrow(() -> ScimException.notFound("No user " + id + "."));
    }

    private Optional<ScimUser> select(String sql, UUID id) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the SCIM user", e);
        }
    }

    private static ScimUser row(ResultSet rs) throws SQLException {
        return new ScimUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                ScimJson.read(rs.getString(6)), rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    private static String text(ObjectNode attrs, String name) {
        JsonNode v = attrs.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
    }
}
