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
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.ScimCredentials;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantIds;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's SCIM bearer secrets. A secret reads {@code oscim.<tenant>.<key id>.<random>}: the tenant and key id
 * say where to look (nothing else about the request is trusted for that), the random part is sealed at rest with
 * the installation's secrets key, bound to tenant and key id like a connection's credentials, and compared in
 * constant time. Rotation issues a new secret and lets the older ones live on for an overlap window, so the IdP's
 * settings can be changed without a provisioning gap. Every use, refusal, rotation and revocation is audited in the
 * tenant's audit chain.
 */
@ApplicationScoped
public class ScimSecrets implements ScimCredentials {

    static final String PREFIX = "oscim";
    static final int MAX_OVERLAP_MINUTES = 7 * 24 * 60;
    static final int DEFAULT_OVERLAP_MINUTES = 24 * 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Secrets secrets;

    @Inject
    AuditLog audit;

    @Inject
    TenantRegistry tenants;

    /** Issues a new secret for the current tenant; the ones before stay valid for the overlap (default 24 h). */
    @Transactional
    public IssuedScimSecret rotate(Integer overlapMinutes) {
        int overlap = overlapMinutes == null ? DEFAULT_OVERLAP_MINUTES : overlapMinutes;
        if (overlap < 0 || overlap > MAX_OVERLAP_MINUTES) {
            throw new ScimSecretRefusedException("overlapMinutes", "between 0 and " + MAX_OVERLAP_MINUTES + " (7 days)");
        }
        Caller caller = TenantContext.caller().orElseThrow();
        String tenant = caller.tenantId();
        byte[] idBytes = new byte[6];
        byte[] raw = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(idBytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(overlap, ChronoUnit.MINUTES);
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outlay.scim_secret SET not_after = ? WHERE tenant_id = ? AND revoked_at IS NULL
                      AND (not_after IS NULL OR not_after > ?)""")) {
                ps.setTimestamp(1, Timestamp.from(until));
                ps.setString(2, tenant);
                ps.setTimestamp(3, Timestamp.from(until));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outlay.scim_secret (tenant_id, id, sealed, created_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                ps.setString(3, secrets.box().seal(random, tenant, purpose(id)));
                ps.setString(4, caller.subject());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the SCIM secret", e);
        }
        audit.record("scim.secret.rotate", "scim_secret", id, null, Map.of("overlapMinutes", overlap, "previousValidUntil", until.toString()));
        return new IssuedScimSecret(id, String.join(".", PREFIX, tenant, id, random), now, overlap, until);
    }

    @Transactional
    public void revoke(String id) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE outlay.scim_secret SET revoked_at = now() WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")) {
            ps.setString(1, tenant);
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) throw new ScimSecretNotFoundException(id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke the SCIM secret", e);
        }
        audit.record("scim.secret.revoke", "scim_secret", id, null, null);
    }

    public List<ScimSecretInfo> list() {
        String tenant = TenantContext.requireTenant();
        List<ScimSecretInfo> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id, created_by, created_at, not_after, revoked_at, last_used_at,
                            revoked_at IS NULL AND (not_after IS NULL OR not_after > now())
                     FROM outlay.scim_secret WHERE tenant_id = ? ORDER BY created_at DESC, id""")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScimSecretInfo(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                            instant(rs, 6), rs.getBoolean(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list SCIM secrets", e);
        }
        return out;
    }

    @Override
    public Caller authenticate(String authorization, String method, String path) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (presented == null) throw ScimException.unauthorized("SCIM needs the tenant's SCIM secret as a bearer token (Authorization: Bearer oscim....).");
        String[] parts = presented.split("\\.", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || !TenantIds.valid(parts[1]) || !parts[2].matches("[0-9a-f]{12}")
                || parts[3].isEmpty() || !tenants.exists(parts[1])) {
            throw ScimException.unauthorized("The bearer token is not a SCIM secret of this service.");
        }
        String tenant = parts[1];
        String id = parts[2];
        Caller caller = new Caller(tenant, "scim:" + id, Set.of("scim"));
        boolean ok = TenantContext.runAs(caller, () -> verify(tenant, id, parts[3]));
        TenantContext.runAs(caller, () -> {
            audit.record(ok ? "scim.secret.use" : "scim.secret.refused", "scim_secret", id, null, Map.of("method", method, "path", path));
        });
        if (!ok) throw ScimException.unauthorized("The SCIM secret does not verify (wrong, revoked, or past its overlap window).");
        return caller;
    }

    private boolean verify(String tenant, String id, String random) {
        try (Connection c = TenantConnections.open(dataSource)) {
            String sealed;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT sealed FROM outlay.scim_secret WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL
                      AND (not_after IS NULL OR not_after > now())""")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return false;
                    sealed = rs.getString(1);
                }
            }
            String expected = secrets.box().open(sealed, tenant, purpose(id));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), random.getBytes(StandardCharsets.UTF_8))) return false;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outlay.scim_secret SET last_used_at = now() WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the SCIM secret", e);
        }
    }

    private static String purpose(String id) {
        return "scim-secret:" + id;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
