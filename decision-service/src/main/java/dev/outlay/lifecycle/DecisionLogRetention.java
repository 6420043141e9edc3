/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Deletes decision-log records older than {@code outlay.retention.decision-log-days} (0 = keep forever, the
 * default: a deleted record can no longer be replayed). Each tenant's purge is one audited transaction.
 */
@ApplicationScoped
public class DecisionLogRetention {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(DecisionLogRetention.class);

    @Inject
    dev.outlay.platform.OutlayConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantRegistry tenants;

    @Inject
    AuditLog audit;

    @Scheduled(every = "${outlay.retention.check-every:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!cluster.onceEvery("decision-log-retention", "outlay.retention.check-every", "6h")) return;
        if (config.retention().decisionLogDays() > 0) enforce(config.retention().decisionLogDays());
    }

    /** Applies a retention window to every tenant; returns the number of deleted records. */
    public synchronized long enforce(int retentionDays) {
        if (retentionDays <= 0) throw new IllegalArgumentException("retention window must be positive");
        long total = 0;
        for (String tenant : tenants.ids()) {
            total += TenantContext.runAs(TenantContext.system(tenant), () -> purge(tenant, retentionDays));
        }
        if (total > 0) LOG.infof("retention: %d decision-log records older than %d days deleted", total, retentionDays);
        return total;
    }

    @Transactional
    long purge(String tenant, int retentionDays) {
        long deleted;
        // The append-only trigger lets these deletes through only inside the owner-defined function (V79).
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT outlay.purge_decision_log(?, ?)")) {
            ps.setString(1, tenant);
            ps.setInt(2, retentionDays);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                deleted = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge failed for tenant " + tenant, e);
        }
        if (deleted > 0) {
            audit.record("retention.decision_log", "decision_log", tenant, null, Map.of("deleted", deleted, "olderThanDays", retentionDays));
        }
        return deleted;
    }
}
