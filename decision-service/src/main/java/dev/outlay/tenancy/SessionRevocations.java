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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-user session revocation. Console sessions are stateless signed cookies, so ending them means remembering,
 * per tenant and subject, the moment before which every session is void (SCIM deprovisioning writes it).
 */
@ApplicationScoped
public class SessionRevocations {

    @Inject
    AgroalDataSource dataSource;

    /** Voids every session of the subject in the current tenant issued up to now. */
    public void revoke(String subject, String reason) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO outlay.session_revocation (tenant_id, subject, revoked_at, reason) VALUES (?, ?, now(), ?)
                     ON CONFLICT (tenant_id, subject) DO UPDATE SET revoked_at = now(), reason = EXCLUDED.reason""")) {
            ps.setString(1, tenant);
            ps.setString(2, subject);
            ps.setString(3, reason);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke the sessions", e);
        }
    }

    /** When the subject's sessions in the tenant were last revoked. Binds the tenant itself: no caller exists yet. */
    public Optional<Instant> revokedAt(String tenantId, String subject) {
        return TenantContext.runAs(TenantContext.system(tenantId), () -> {
            try (Connection c = TenantConnections.open(dataSource);
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT revoked_at FROM outlay.session_revocation WHERE tenant_id = ? AND subject = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Instant>empty();
                    Timestamp t = rs.getTimestamp(1);
                    return Optional.of(t.toInstant());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read session revocations", e);
            }
        });
    }

    /** Whether a session issued at {@code issuedAt} has been revoked since. */
    public boolean revoked(String tenantId, String subject, Instant issuedAt) {
        return revokedAt(tenantId, subject).map(r -> !issuedAt.isAfter(r)).orElse(false);
    }
}
