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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SCIM groups of the current tenant and their members. A PATCH is applied to the group's JSON (displayName,
 * externalId, members) by the same {@link ScimPatch} as users, then the member set is written as the difference,
 * so Okta's filter-path removes and Entra ID's value-array removes end up the same. The roles a group grants come
 * from the tenant's role mapping ({@link ScimRoleMappings}) by the group's displayName.
 */
@ApplicationScoped
public class ScimGroups {

    static final Map<String, String> COLUMNS = Map.of(
            "displayname", "g.display_name", "externalid", "g.external_id", "id", "g.id::text");
    static final ScimPatch PATCH = new ScimPatch(ScimMedia.GROUP, Set.of("meta"));
    /** A marker column: a members filter becomes an EXISTS over the member table. */
    private static final String MEMBERS = "members";
    private static final String COLS = "id, display_name, external_id, version, created_at, modified_at";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Transactional
    public ScimGroup create(JsonNode body) {
        Fields f = fields(body);
        UUID id = UUID.randomUUID();
        unique(f.displayName(), null);
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outlay.scim_group (tenant_id, id, display_name, external_id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, id);
            ps.setString(3, f.displayName());
            ps.setString(4, f.externalId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw duplicate(e, f.displayName());
        }
        setMembers(id, Set.of(), f.members());
        audit.record("scim.group.create", "scim_group", id.toString(), null, Map.of("displayName", f.displayName(), "members", f.members().size()));
        return get(id);
    }

    public ScimGroup get(UUID id) {
        return find(id, false).orElseThrow(() -> ScimException.notFound("No group " + id + "."));
    }

    /** {@code members eq "<user id>"} is Entra ID's membership check; it is answered with a join, not a column. */
    public ScimPage<ScimGroup> list(String filter, int startIndex, int count) {
        Map<String, String> columns = new java.util.HashMap<>(COLUMNS);
        columns.put("members", MEMBERS);
        columns.put("members.value", MEMBERS);
        ScimFilter f = ScimFilter.parse(filter, columns);
        for (ScimFilter.Term t : f.terms()) {
            if (t.column().equals(MEMBERS) && !t.op().equals("eq")) throw ScimException.invalidFilter("members is filtered with eq only.");
        }
        List<Object> params = new ArrayList<>();
        params.add(TenantContext.requireTenant());
        StringBuilder where = new StringBuilder(" WHERE g.tenant_id = ?");
        for (ScimFilter.Term t : f.terms()) {
            if (t.column().equals(MEMBERS)) {
                where.append(" AND EXISTS (SELECT 1 FROM outlay.scim_group_member m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.user_id::text = lower(?))");
                params.add(t.value());
            } else {
                where.append(ScimFilter.sql(t, params));
            }
        }
        try (Connection c = TenantConnections.open(dataSource)) {
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outlay.scim_group g" + where)) {
                ScimUsers.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<UUID> ids = new ArrayList<>();
            if (count > 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT g.id FROM outlay.scim_group g" + where
                        + " ORDER BY g.created_at, g.id OFFSET ? LIMIT ?")) {
                    ScimUsers.bind(ps, params);
                    ps.setInt(params.size() + 1, startIndex - 1);
                    ps.setInt(params.size() + 2, count);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<ScimGroup> out = new ArrayList<>();
            for (UUID id : ids) find(id, false).ifPresent(out::add);
            return new ScimPage<>(out, total, startIndex);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list SCIM groups", e);
        }
    }

    @Transactional
    public ScimGroup replace(UUID id, JsonNode body, String ifMatch) {
        ScimGroup before = find(id, true).orElseThrow(() -> ScimException.notFound("No group " + id + "."));
        ScimJson.checkIfMatch(ifMatch, before.version());
        return write(before, fields(body));
    }

    @Transactional
    public ScimGroup patch(UUID id, JsonNode body, String ifMatch) {
        ScimGroup before = find(id, true).orElseThrow(() -> ScimException.notFound("No group " + id + "."));
        ScimJson.checkIfMatch(ifMatch, before.version());
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id.toString());
        json.put("displayName", before.displayName());
        if (before.externalId() != null) json.put("externalId", before.externalId());
        ArrayNode members = json.putArray("members");
        for (ScimGroup.Member m : before.members()) members.addObject().put("value", m.id().toString());
        PATCH.apply(json, body);
        json.remove("id");
        return write(before, fields(json));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        ScimGroup before = find(id, true).orElseThrow(() -> ScimException.notFound("No group " + id + "."));
        ScimJson.checkIfMatch(ifMatch, before.version());
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.scim_group WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the SCIM group", e);
        }
        audit.record("scim.group.delete", "scim_group", id.toString(), Map.of("displayName", before.displayName()), null);
    }

    private ScimGroup write(ScimGroup before, Fields f) {
        unique(f.displayName(), before.id());
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE outlay.scim_group SET display_name = ?, external_id = ?, version = version + 1, modified_at = now()
                     WHERE tenant_id = ? AND id = ?""")) {
            ps.setString(1, f.displayName());
            ps.setString(2, f.externalId());
            ps.setString(3, TenantContext.requireTenant());
            ps.setObject(4, before.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw duplicate(e, f.displayName());
        }
        Set<UUID> old = new LinkedHashSet<>();
        before.members().forEach(m -> old.add(m.id()));
        setMembers(before.id(), old, f.members());
        Set<UUID> added = new LinkedHashSet<>(f.members());
        added.removeAll(old);
        Set<UUID> removed = new LinkedHashSet<>(old);
        removed.removeAll(f.members());
        audit.record("scim.group.update", "scim_group", before.id().toString(), Map.of("displayName", before.displayName()),
                Map.of("displayName", f.displayName(), "added", added.stream().map(UUID::toString).sorted().toList(),
                        "removed", removed.stream().map(UUID::toString).sorted().toList()));
        return get(before.id());
    }

    private void setMembers(UUID group, Set<UUID> old, Set<UUID> now) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            for (UUID u : now) {
                if (old.contains(u)) continue;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outlay.scim_user WHERE tenant_id = ? AND id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, u);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw ScimException.invalidValue("No user " + u + " to add to the group.");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outlay.scim_group_member (tenant_id, group_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, group);
                    ps.setObject(3, u);
                    ps.executeUpdate();
                }
            }
            for (UUID u : old) {
                if (now.contains(u)) continue;
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outlay.scim_group_member WHERE tenant_id = ? AND group_id = ? AND user_id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, group);
                    ps.setObject(3, u);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the group's members", e);
        }
    }

    private record Fields(String displayName, String externalId, Set<UUID> members) {
    }

    private static Fields fields(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("A group is a JSON object.");
        ObjectNode o = ((ObjectNode) body).deepCopy();
        String name = ScimJson.string(o, "displayName");
        if (name == null) throw ScimException.invalidValue("'displayName' is required.");
        String externalId = ScimJson.string(o, "externalId");
        Set<UUID> members = new LinkedHashSet<>();
        JsonNode m = ScimPatch.field(o, "members");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) throw ScimException.invalidValue("'members' is an array of {value}.");
            for (JsonNode e : m) {
                String v = e.path("value").asText(null);
                try {
                    members.add(UUID.fromString(v));
                } catch (RuntimeException ex) {
                    throw ScimException.invalidValue("A member's value is a user id, not '" + v + "'.");
                }
            }
        }
        return new Fields(name, externalId, members);
    }

    private void unique(String displayName, UUID self) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id FROM outlay.scim_group WHERE tenant_id = ? AND lower(display_name) = lower(?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, displayName);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getObject(1, UUID.class).equals(self)) {
                    throw ScimException.uniqueness("A group named '" + displayName + "' exists.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the group name", e);
        }
    }

    private static RuntimeException duplicate(SQLException e, String name) {
        if ("23505".equals(e.getSQLState())) return ScimException.uniqueness("A group named '" + name + "' exists.");
        return new IllegalStateException("could not store the SCIM group", e);
    }

    /** The groups a user is a direct member of (without their member lists), by name. */
    public List<ScimGroup> ofUser(UUID user) {
        List<ScimGroup> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     SELECT g.id, g.display_name, g.external_id, g.version, g.created_at, g.modified_at FROM outlay.scim_group_member m
                     JOIN outlay.scim_group g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                     WHERE m.tenant_id = ? AND m.user_id = ? ORDER BY g.display_name, g.id""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScimGroup(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), List.of()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the user's groups", e);
        }
        return out;
    }

    Optional<ScimGroup> find(UUID id, boolean lock) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            ScimGroup g;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM outlay.scim_group WHERE tenant_id = ? AND id = ?"
                    + (lock ? " FOR UPDATE" : ""))) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    g = new ScimGroup(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), List.of());
                }
            }
            List<ScimGroup.Member> members = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.id, u.user_name FROM outlay.scim_group_member m
                    JOIN outlay.scim_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
                    WHERE m.tenant_id = ? AND m.group_id = ? ORDER BY u.user_name, u.id""")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) members.add(new ScimGroup.Member(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return Optional.of(new ScimGroup(g.id(), g.displayName(), g.externalId(), g.version(), g.created(), g.modified(), List.copyOf(members)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the SCIM group", e);
        }
    }
}
