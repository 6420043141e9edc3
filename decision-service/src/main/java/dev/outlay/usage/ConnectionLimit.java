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
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one enforced limit: connected sources. Checked when a connection is added, never on anything else (ingestion,
 * findings, approvals, savings go on at any count). The count is the connections that exist (the truth, also for
 * connections made before metering began), taken under a per-tenant lock so two concurrent adds cannot both pass.
 */
@ApplicationScoped
public class ConnectionLimit {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlanLookup plans;

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoomForOneMore() {
        String tenant = TenantContext.requireTenant();
        Plan plan = plans.planOf(tenant);
        Integer allowed = plan.limits().connectedSources();
        if (allowed == null) return;
        long current;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('connections:' || ?))")) {
                lock.setString(1, tenant);
                lock.execute();
            }
            current = connected(c, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tenant's connections", e);
        }
        if (current >= allowed) throw new PlanLimitExceededException(UsageMetric.CONNECTED_SOURCES.id(), plan.tier(), current, allowed);
    }

    /** The tenant's connected sources now. */
    public long current() {
        try (Connection c = dataSource.getConnection()) {
            return connected(c, TenantContext.requireTenant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tenant's connections", e);
        }
    }

    private static long connected(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outlay.connection WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
