/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Records each subject the first time it calls in a tenant (with its roles at that time). */
@ApplicationScoped
public class UserDirectory {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.enterprise.event.Event<UserFirstSeen> firstSeen;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public void touch(Caller caller) {
        String key = caller.tenantId() + "\u0000" + caller.subject() + "\u0000" + caller.roles();
        if (seen.contains(key)) return;
        record(caller);
        seen.add(key);
    }

    void record(Caller caller) {
        TenantContext.runAs(caller, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         INSERT INTO outlay.app_user (tenant_id, subject, roles) VALUES (?, ?, ?)
                         ON CONFLICT (tenant_id, subject) DO UPDATE SET roles = EXCLUDED.roles, last_seen = now()
                         RETURNING (xmax = 0)""")) {
                ps.setString(1, caller.tenantId());
                ps.setString(2, caller.subject());
                ps.setString(3, String.join(",", new java.util.TreeSet<>(caller.roles())));
                // xmax = 0 on the returned row: it was inserted, not updated, so this subject is a new seat.
                boolean inserted;
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    inserted = rs.next() && rs.getBoolean(1);
                }
                if (inserted) firstSeen.fire(new UserFirstSeen(caller.tenantId(), caller.subject()));
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the user", e);
            }
        });
    }

    /**
     * The current tenant's user with the roles of their last token, if they have ever called in. Used where a
     * request carries no token but names a user through a verified link (a Slack user mapped to this subject).
     */
    public java.util.Optional<Caller> known(String subject) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT roles FROM outlay.app_user WHERE tenant_id = ? AND subject = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, subject);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return java.util.Optional.empty();
                String roles = rs.getString(1);
                Set<String> set = roles == null || roles.isBlank() ? Set.of() : Set.of(roles.split(","));
                return java.util.Optional.of(new Caller(tenant, subject, set));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the user", e);
        }
    }
}
