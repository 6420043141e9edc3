/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Deletes published domain events older than {@code outlay.kafka.retain-published-days} from the outbox, tenant by
 * tenant under the tenant's binding (row-level security holds), once per cluster. The outbox otherwise grows with
 * every decision logged; what a consumer missed is on the topic for the topic's own retention.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    @Inject
    KafkaConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.cluster.ClusterJobs cluster;

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || config.retainPublishedDays() <= 0) return;
        if (!cluster.onceEvery("domain-event-retention", Duration.ofHours(6))) return;
        enforce(config.retainPublishedDays());
    }

    /** Applies the window to every tenant; returns how many published events were deleted. */
    public long enforce(int days) {
        if (days <= 0) throw new IllegalArgumentException("the retention window must be positive");
        long total = 0;
        for (String tenant : tenants.ids()) {
            total += TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> purge(tenant, days)));
        }
        if (total > 0) LOG.infof("outbox retention: %d published events older than %d days deleted", total, days);
        return total;
    }

    private long purge(String tenant, int days) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outlay.domain_event WHERE tenant_id = ? AND published_at IS NOT NULL AND published_at < now() - make_interval(days => ?)")) {
            ps.setString(1, tenant);
            ps.setInt(2, days);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox retention failed for tenant " + tenant, e);
        }
    }
}
