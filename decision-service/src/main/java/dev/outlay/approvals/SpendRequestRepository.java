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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Spend requests, their history, task decisions and notifications of the current tenant (row-level secured). */
@ApplicationScoped
public class SpendRequestRepository {

    private static final String COLUMNS = "id, requester, budget_id, resource_class, environment, owner, amount, currency, description, "
            + "outcome, rule_id, policy_reason, policy_version, approver_group, sla_hours, budget_remaining, forecast_overrun_pct, status, "
            + "task_deadline, process_instance_id, decided_by, decided_at, created_at, budget_currency, converted_amount, fx_rate, fx_rate_date, "
            + "fx_rate_version";

    @Inject
    AgroalDataSource dataSource;

    public void insert(SpendRequest r) {
        update("INSERT INTO outlay.spend_request (tenant_id, " + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                TenantContext.requireTenant(), r.id(), r.requester(), r.budgetId(), r.resourceClass(), r.environment(), r.owner(),
                r.amount(), r.currency(), r.description(), r.outcome(), r.ruleId(), r.policyReason(), r.policyVersion(),
                r.approverGroup(), r.slaHours(), r.budgetRemaining(), r.forecastOverrunPct(), r.status(), ts(r.taskDeadline()),
                r.processInstanceId(), r.decidedBy(), ts(r.decidedAt()), ts(r.createdAt()), r.budgetCurrency(),
                r.conversion() == null ? null : r.conversion().convertedAmount(), r.conversion() == null ? null : r.conversion().rate(),
                r.conversion() == null ? null : java.sql.Date.valueOf(r.conversion().rateDate()),
                r.conversion() == null ? null : r.conversion().rateVersion());
    }

    public Optional<SpendRequest> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM outlay.spend_request WHERE id = ?", id).stream().findFirst();
    }

    public Optional<SpendRequest> findByProcessInstance(String processInstanceId) {
        return query("SELECT " + COLUMNS + " FROM outlay.spend_request WHERE process_instance_id = ?", processInstanceId).stream().findFirst();
    }

    public void linkProcess(UUID id, String processInstanceId, Instant deadline) {
        update("UPDATE outlay.spend_request SET process_instance_id = ?, task_deadline = ? WHERE id = ?", processInstanceId, ts(deadline), id);
    }

    public void escalated(UUID id, String group, Instant deadline) {
        update("UPDATE outlay.spend_request SET approver_group = ?, task_deadline = ? WHERE id = ?", group, ts(deadline), id);
    }

    public void decided(UUID id, String status, String decidedBy, Instant at) {
        update("UPDATE outlay.spend_request SET status = ?, decided_by = ?, decided_at = ?, task_deadline = NULL WHERE id = ?",
                status, decidedBy, ts(at), id);
    }

    public void event(UUID requestId, String actor, String kind, String detail) {
        update("INSERT INTO outlay.spend_request_event (tenant_id, request_id, actor, kind, detail) VALUES (?,?,?,?,?)",
                TenantContext.requireTenant(), requestId, actor, kind, detail);
    }

    public List<HistoryEntry> history(UUID requestId) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT at, actor, kind, detail FROM outlay.spend_request_event WHERE request_id = ? ORDER BY id")) {
            ps.setObject(1, requestId);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read history", e);
        }
    }

    public void notify(String kind, String subjectType, String subjectId, String recipientRole, String message) {
        update("INSERT INTO outlay.notification (tenant_id, kind, subject_type, subject_id, recipient_role, message) VALUES (?,?,?,?,?,?)",
                TenantContext.requireTenant(), kind, subjectType, subjectId, recipientRole, message);
    }

    /** The decision already taken on a task through the inbox, if any. */
    public Optional<String> taskDecision(String taskId) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT decision FROM outlay.approval_task WHERE task_id = ?")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read task decisions", e);
        }
    }

    public void recordTaskDecision(String taskId, UUID requestId, String decision, String by) {
        update("INSERT INTO outlay.approval_task (task_id, tenant_id, request_id, decision, completed_by) VALUES (?,?,?,?,?)",
                taskId, TenantContext.requireTenant(), requestId, decision, by);
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write spend request data: " + e.getMessage(), e);
        }
    }

    private List<SpendRequest> query(String sql, Object arg) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            List<SpendRequest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SpendRequest(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), (Integer) rs.getObject(15),
                            rs.getBigDecimal(16), rs.getBigDecimal(17), rs.getString(18), instant(rs.getTimestamp(19)), rs.getString(20),
                            rs.getString(21), instant(rs.getTimestamp(22)), instant(rs.getTimestamp(23)), rs.getString(24),
                            rs.getBigDecimal(25) == null ? null : new dev.outlay.money.Conversion(rs.getBigDecimal(7), rs.getString(8),
                                    rs.getBigDecimal(25), rs.getString(24), rs.getBigDecimal(26), rs.getDate(27).toLocalDate(), rs.getString(28))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read spend requests", e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
