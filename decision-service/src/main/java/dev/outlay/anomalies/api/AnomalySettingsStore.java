/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.anomalies.alerts.AnomalySettings;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The current tenant's anomaly settings (row-level secured); a tenant that never changed them has the defaults. */
@ApplicationScoped
public class AnomalySettingsStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditLog audit;

    public AnomalySettings current() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT settings FROM outlay.anomaly_settings WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapper.readValue(rs.getString(1), AnomalySettings.class) : AnomalySettings.defaults();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the anomaly settings", e);
        }
    }

    /** Applies a change; 422 with every violated bound, else stored and audited with before and after. */
    @Transactional
    public AnomalySettings update(AnomalySettings.Change change) {
        if (change == null) throw ProblemException.badRequest("A body with the settings to change is required.");
        AnomalySettings before = current();
        AnomalySettings after = before.with(change);
        var faults = after.faults();
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The anomaly settings are not valid.", faults);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.anomaly_settings (tenant_id, settings, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by,
                  updated_at = now()""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, mapper.writeValueAsString(after));
            ps.setString(3, TenantContext.caller().orElseThrow().subject());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the anomaly settings", e);
        }
        audit.record("anomaly_settings.update", "anomaly_settings", TenantContext.requireTenant(), before, after);
        return after;
    }
}
