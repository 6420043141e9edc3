/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tenant's mapping from IdP groups to Outlay roles, and the roles a provisioned user has through it. Groups are
 * matched by displayName, case-insensitively, so the mapping can be set before the IdP pushes the group.
 */
@ApplicationScoped
public class ScimRoleMappings {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    public ScimRoleMappingSet get() {
        Map<String, List<String>> byGroup = new TreeMap<>();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT group_name, role FROM outlay.scim_role_mapping WHERE tenant_id = ? ORDER BY group_name, role")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byGroup.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the role mapping", e);
        }
        List<ScimRoleMapping> out = new ArrayList<>();
        byGroup.forEach((g, r) -> out.add(new ScimRoleMapping(g, List.copyOf(r))));
        return new ScimRoleMappingSet(out);
    }

    /** Replaces the whole mapping; unknown roles and blank or repeated groups are refused before anything changes. */
    @Transactional
    public ScimRoleMappingSet put(ScimRoleMappingSet in) {
        if (in == null || in.mappings() == null) throw new ScimSecretRefusedException("mappings", "required (an array of {group, roles})");
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < in.mappings().size(); i++) {
            ScimRoleMapping m = in.mappings().get(i);
            String at = "mappings[" + i + "]";
            if (m == null || m.group() == null || m.group().isBlank() || m.group().length() > 256) {
                throw new ScimSecretRefusedException(at + ".group", "a group displayName of 1 to 256 characters");
            }
            String key = m.group().trim();
            if (rows.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) throw new ScimSecretRefusedException(at + ".group", "named twice");
            if (m.roles() == null || m.roles().isEmpty()) throw new ScimSecretRefusedException(at + ".roles", "at least one role");
            for (String r : m.roles()) {
                if (!Caller.ROLES.contains(r)) throw new ScimSecretRefusedException(at + ".roles", "unknown role '" + r + "'; roles: " + new TreeSet<>(Caller.ROLES));
            }
            rows.put(key, new TreeSet<>(m.roles()));
        }
        ScimRoleMappingSet before = get();
        String tenant = TenantContext.requireTenant();
        String by = TenantContext.caller().orElseThrow().subject();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.scim_role_mapping WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outlay.scim_role_mapping (tenant_id, group_name, role, created_by) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Set<String>> e : rows.entrySet()) {
                    for (String role : e.getValue()) {
                        ps.setString(1, tenant);
                        ps.setString(2, e.getKey());
                        ps.setString(3, role);
                        ps.setString(4, by);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the role mapping", e);
        }
        ScimRoleMappingSet after = get();
        audit.record("scim.role-mapping.replace", "scim_role_mapping", tenant, before, after);
        return after;
    }

    /** The provisioned user of that subject (userName, case-insensitive) in the current tenant, if any. */
    public Optional<ProvisionedUser> user(String subject) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            String userName;
            boolean active;
            java.util.UUID id;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, user_name, active FROM outlay.scim_user WHERE tenant_id = ? AND lower(user_name) = lower(?)")) {
                ps.setString(1, tenant);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    id = rs.getObject(1, java.util.UUID.class);
                    userName = rs.getString(2);
                    active = rs.getBoolean(3);
                }
            }
            List<String> groups = new ArrayList<>();
            Set<String> roles = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT g.display_name, r.role FROM outlay.scim_group_member m
                    JOIN outlay.scim_group g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                    LEFT JOIN outlay.scim_role_mapping r ON r.tenant_id = g.tenant_id AND lower(r.group_name) = lower(g.display_name)
                    WHERE m.tenant_id = ? AND m.user_id = ? ORDER BY g.display_name, r.role""")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!groups.contains(rs.getString(1))) groups.add(rs.getString(1));
                        if (rs.getString(2) != null) roles.add(rs.getString(2).toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Optional.of(new ProvisionedUser(userName, active, List.copyOf(groups), active ? Set.copyOf(roles) : Set.of()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the provisioned user", e);
        }
    }
}
