/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.plans.Plan;
import dev.outlay.plans.PlanLookup;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds a tenant's usage report from the usage events, the plan and what exists now. */
@ApplicationScoped
public class UsageReports {

    @Inject
    UsageStore store;

    @Inject
    ConnectionLimit connections;

    @Inject
    PlanLookup plans;

    @Inject
    AgroalDataSource dataSource;

    public UsageReport report(UsageQuery q) {
        String tenant = TenantContext.requireTenant();
        Plan plan = plans.planOf(tenant);
        List<UsageEvent> events = store.list(q.from(), q.to(), q.metric());
        List<UsageReport.MetricUsage> metrics = new ArrayList<>();
        for (UsageMetric m : UsageMetric.values()) {
            if (q.metric() != null && q.metric() != m) continue;
            List<UsageEvent> mine = events.stream().filter(e -> e.metric().equals(m.id())).toList();
            long sum = mine.stream().mapToLong(UsageEvent::quantity).sum();
            Long level = m.level() ? store.levelAt(m, q.to()) : null;
            Long current = switch (m) {
                case CONNECTED_SOURCES -> connections.current();
                case SEATS -> users();
                case INGESTED_ROWS -> null;
            };
            Integer allowed = m == UsageMetric.CONNECTED_SOURCES ? plan.limits().connectedSources() : null;
            metrics.add(new UsageReport.MetricUsage(m.id(), sum, mine.size(), level, current, allowed));
        }
        return new UsageReport(tenant, q.from().toString(), q.to().toString(), plan, List.copyOf(metrics), events);
    }

    private long users() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outlay.app_user WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tenant's users", e);
        }
    }
}
