/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Policy violations of the current tenant (row-level secured). */
@ApplicationScoped
public class ViolationRepository {

    private static final String COLUMNS = "id, owner, resource_class, environment, amount, currency, outcome, rule_id, policy_reason, policy_version, "
            + "evidence, status, process_instance_id, action, acknowledged_by, verified_by, created_at";

    @Inject
    AgroalDataSource dataSource;

    public void insert(Violation v) {
        write("INSERT INTO outlay.policy_violation (tenant_id, " + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                TenantContext.requireTenant(), v.id(), v.owner(), v.resourceClass(), v.environment(), v.amount(), v.currency(), v.outcome(), v.ruleId(),
                v.policyReason(), v.policyVersion(), v.evidence(), v.status(), v.processInstanceId(), v.action(), v.acknowledgedBy(),
                v.verifiedBy(), Timestamp.from(v.createdAt()));
    }

    public void linkProcess(UUID id, String processInstanceId) {
        write("UPDATE outlay.policy_violation SET process_instance_id = ?, updated_at = now() WHERE id = ?", processInstanceId, id);
    }

    /** Null arguments keep the stored value. */
    public void update(UUID id, String status, String action, String acknowledgedBy, String verifiedBy) {
        write("UPDATE outlay.policy_violation SET status = ?, action = coalesce(?, action), acknowledged_by = coalesce(?, acknowledged_by), "
                + "verified_by = coalesce(?, verified_by), updated_at = now() WHERE id = ?", status, action, acknowledgedBy, verifiedBy, id);
    }

    public Optional<Violation> find(UUID id) {
        return query("id", id);
    }

    public Optional<Violation> findByProcessInstance(String processInstanceId) {
        return query("process_instance_id", processInstanceId);
    }

    private Optional<Violation> query(String column, Object value) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outlay.policy_violation WHERE " + column + " = ?")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Violation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getTimestamp(17).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read violations", e);
        }
    }

    private void write(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write violation: " + e.getMessage(), e);
        }
    }
}
