/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.SeriesKey;
import dev.outlay.anomalies.Snooze;
import dev.outlay.anomalies.alerts.AlertPlanner;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What earlier detection runs stored for the current tenant, as far as alerting needs it. */
@ApplicationScoped
public class AnomalyHistory {


    @Inject
    AgroalDataSource dataSource;

    /** Stored anomalies with a day in [from, to], in (day, series, id) order. */
    public List<AlertPlanner.Past> past(LocalDate from, LocalDate to) {
        List<AlertPlanner.Past> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, series, sub_account, service, day, direction, cause FROM outlay.anomaly
                WHERE tenant_id = ? AND day >= ? AND day <= ? ORDER BY day, series, id""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertPlanner.Past(rs.getString(1), key(rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getDate(5).toLocalDate(), Anomaly.Direction.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                            rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored anomalies", e);
        }
        return out;
    }

    /** Manual snoozes still running on {@code from}: each snoozed anomaly silences its series and cause. */
    public List<Snooze> snoozes(LocalDate from) {
        List<Snooze> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT series, sub_account, service, cause, max(snoozed_until) FROM outlay.anomaly
                WHERE tenant_id = ? AND status = 'snoozed' AND snoozed_until >= ?
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 4""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setDate(2, Date.valueOf(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Snooze(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
                            rs.getDate(5).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read snoozes", e);
        }
        return out;
    }

    public void linkTriage(String anomalyId, UUID violationId, String processInstanceId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.anomaly SET violation_id = ?, process_instance_id = ? WHERE tenant_id = ? AND id = ?")) {
            ps.setObject(1, violationId);
            ps.setString(2, processInstanceId);
            ps.setString(3, TenantContext.requireTenant());
            ps.setString(4, anomalyId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not link anomaly " + anomalyId + " to its triage", e);
        }
    }

    /** The newest charge day in the tenant's ledger, or null for an empty ledger. */
    public LocalDate newestLedgerDay() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getDate(1) != null ? rs.getDate(1).toLocalDate() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's newest day", e);
        }
    }

    private static SeriesKey key(String canonical, String subAccount, String service) {
        return SeriesKey.parse(canonical, subAccount, service);
    }
}
