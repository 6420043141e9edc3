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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The tenants this installation serves (a global table, outside row-level security). */
@ApplicationScoped
public class TenantRegistry {

    public record Tenant(String id, String displayName, boolean demo, Instant createdAt, String status,
                         Instant statusChangedAt, String statusReason) {
        public boolean suspended() {
            return SUSPENDED.equals(status);
        }
    }

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    /** How long a status read here is trusted; another instance's suspend or resume takes effect within it. */
    static final long STATUS_TTL_MILLIS = 5_000;

    private record CachedStatus(boolean suspended, long readAt) {
    }

    private final java.util.Map<String, CachedStatus> statuses = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.enterprise.event.Event<TenantCreated> created;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public boolean exists(String tenantId) {
        if (known.contains(tenantId)) return true;
        boolean found = find(tenantId).isPresent();
        if (found) known.add(tenantId);
        return found;
    }

    public Optional<Tenant> find(String tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, display_name, demo, created_at, status, status_changed_at, status_reason FROM outlay.tenant WHERE id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                java.sql.Timestamp changed = rs.getTimestamp(6);
                return Optional.of(new Tenant(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), changed == null ? null : changed.toInstant(), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant lookup failed", e);
        }
    }

    /**
     * Whether the platform operator suspended the tenant. Read on every tenant request, so it is cached for
     * {@link #STATUS_TTL_MILLIS}; a change made through {@link #setStatus} on this instance applies at once.
     */
    public boolean suspended(String tenantId) {
        long now = System.currentTimeMillis();
        CachedStatus cached = statuses.get(tenantId);
        if (cached != null && now - cached.readAt() < STATUS_TTL_MILLIS) return cached.suspended();
        boolean suspended = find(tenantId).map(Tenant::suspended).orElse(false);
        statuses.put(tenantId, new CachedStatus(suspended, now));
        return suspended;
    }

    /** Sets active or suspended; false when the tenant does not exist. The caller audits. */
    public boolean setStatus(String tenantId, String status, String reason) {
        if (!ACTIVE.equals(status) && !SUSPENDED.equals(status)) throw new IllegalArgumentException("status " + status);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE outlay.tenant SET status = ?, status_changed_at = now(), status_reason = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, tenantId);
            boolean found = ps.executeUpdate() == 1;
            statuses.remove(tenantId);
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the tenant's status", e);
        }
    }

    /** Drops the cached status, e.g. after the transaction that changed it committed. */
    public void invalidateStatus(String tenantId) {
        statuses.remove(tenantId);
    }

    /** Every tenant id, ordered: start-up and scheduled jobs visit each tenant in turn. */
    public List<String> ids() {
        return ids("SELECT id FROM outlay.tenant ORDER BY id");
    }

    /** The tenant ids not awaiting deletion (a confirmed deletion stops scheduled work for the tenant). */
    public List<String> activeIds() {
        return ids("""
                SELECT t.id FROM outlay.tenant t
                WHERE NOT EXISTS (SELECT 1 FROM outlay.tenant_deletion d WHERE d.tenant_id = t.id AND d.confirmed_at IS NOT NULL)
                ORDER BY t.id""");
    }

    private List<String> ids(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("could not list tenants", e);
        }
        return out;
    }

    /** Creates the tenant if it is new and lets every module seed what a new tenant gets. Idempotent. */
    public synchronized boolean ensure(String tenantId, String displayName, boolean demo) {
        if (exists(tenantId)) return false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outlay.tenant (id, display_name, demo) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, tenantId);
            ps.setString(2, displayName);
            ps.setBoolean(3, demo);
            if (ps.executeUpdate() == 0) return false;
        } catch (SQLException e) {
            throw new IllegalStateException("tenant creation failed", e);
        }
        known.add(tenantId);
        TenantContext.runAs(TenantContext.system(tenantId), () -> created.fire(new TenantCreated(tenantId, demo)));
        return true;
    }

    /** Drops a purged tenant from the lookup cache. */
    public void forget(String tenantId) {
        known.remove(tenantId);
        statuses.remove(tenantId);
    }

    /** Fired inside the new tenant's context so observers can seed tenant-owned rows. */
    public record TenantCreated(String tenantId, boolean demo) {
    }
}
