/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.platform.OutlayConfig;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deleting a tenant: an admin requests it (gets a one-time confirmation token), confirms with the token, and the
 * purge runs once the grace period has passed (until then it can be cancelled). The purge removes every row of
 * the tenant in one transaction (its Kogito process instances, tasks and jobs included), its files, and leaves a
 * tombstone.
 */
@ApplicationScoped
public class TenantDeletion {

    private static final Logger LOG = Logger.getLogger(TenantDeletion.class);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    public record Requested(String confirmationToken, Instant expiresAt) {
    }

    public record Confirmed(String status, Instant effectiveAfter) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    OutlayConfig config;

    @Inject
    TenantRegistry tenants;

    private final SecureRandom random = new SecureRandom();

    @Transactional
    public Requested request() {
        Caller caller = TenantContext.caller().orElseThrow();
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now().plus(TOKEN_TTL);
        exec("""
                INSERT INTO outlay.tenant_deletion (tenant_id, requested_by, token_sha256, token_expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET requested_by = EXCLUDED.requested_by, requested_at = now(),
                  token_sha256 = EXCLUDED.token_sha256, token_expires_at = EXCLUDED.token_expires_at,
                  confirmed_by = NULL, confirmed_at = NULL, effective_after = NULL""",
                caller.tenantId(), caller.subject(), sha256(token), Timestamp.from(expires));
        audit.record("tenant.delete.requested", "tenant", caller.tenantId(), null, Map.of("expiresAt", expires.toString()));
        return new Requested(token, expires);
    }

    @Transactional
    public Confirmed confirm(String token) {
        Caller caller = TenantContext.caller().orElseThrow();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT token_sha256, token_expires_at, confirmed_at FROM outlay.tenant_deletion WHERE tenant_id = ? FOR UPDATE")) {
            ps.setString(1, caller.tenantId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw ProblemException.conflict("No deletion was requested for this tenant; request one first.");
                if (rs.getTimestamp(3) != null) throw ProblemException.conflict("Deletion is already confirmed.");
                if (rs.getTimestamp(2).toInstant().isBefore(Instant.now())) {
                    throw ProblemException.conflict("The confirmation token has expired; request deletion again.");
                }
                if (!MessageDigest.isEqual(rs.getString(1).getBytes(), sha256(token).getBytes())) {
                    throw ProblemException.forbidden("The confirmation token does not match.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Instant effective = Instant.now().plus(config.tenantDelete().gracePeriod());
        exec("UPDATE outlay.tenant_deletion SET confirmed_by = ?, confirmed_at = now(), effective_after = ? WHERE tenant_id = ?",
                caller.subject(), Timestamp.from(effective), caller.tenantId());
        audit.record("tenant.delete.confirmed", "tenant", caller.tenantId(), null, Map.of("effectiveAfter", effective.toString()));
        return new Confirmed("scheduled", effective);
    }

    @Transactional
    public void cancel() {
        Caller caller = TenantContext.caller().orElseThrow();
        int n = exec("DELETE FROM outlay.tenant_deletion WHERE tenant_id = ?", caller.tenantId());
        if (n == 0) throw ProblemException.notFound("No pending deletion for this tenant.");
        audit.record("tenant.delete.cancelled", "tenant", caller.tenantId(), null, null);
    }

    @io.quarkus.scheduler.Scheduled(every = "${outlay.tenant-delete.check-every:60s}", delayed = "30s",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeDue();
    }

    /** Purges every tenant whose confirmed deletion is due. Returns the purged tenant ids. */
    public synchronized List<String> purgeDue() {
        List<String> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tenant_id FROM outlay.tenant_deletion WHERE effective_after <= now() ORDER BY tenant_id")) {
            while (rs.next()) due.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String tenant : due) {
            TenantContext.runAs(TenantContext.system(tenant), () -> purge(tenant));
            tenants.forget(tenant);
            deleteFiles(tenant);
            LOG.infof("tenant %s purged", tenant);
        }
        return due;
    }

    /**
     * One transaction in the owner-defined {@code outlay.purge_tenant} (V79): the only path that may delete a
     * tenant's append-only rows (audit chain, decision log, rule versions). It removes the tenant's Kogito rows
     * and every row of every tenant-owned table, leaves a tombstone with the counts, and does nothing when the
     * tenant has no confirmed deletion that is due.
     */
    @Transactional
    void purge(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT outlay.purge_tenant(?)::text")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getString(1) != null) LOG.debugf("tenant %s purge removed %s", tenant, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("purge of tenant " + tenant + " failed", e);
        }
    }

    private void deleteFiles(String tenant) {
        Path dir = Path.of(config.dataDir(), "tenants", tenant);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.errorf(e, "could not delete files of tenant %s under %s", tenant, dir);
        }
    }

    private int exec(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
