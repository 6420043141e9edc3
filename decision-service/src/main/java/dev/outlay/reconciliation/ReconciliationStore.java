/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reconciliation runs and their check rows (tenant-scoped by row-level security). */
@ApplicationScoped
public class ReconciliationStore {

    private static final String COLUMNS = "id, period, period_state, status, rule_version_hash, checks_total, checks_done, decision_ids, "
            + "result_sha256, event_id, violation_id, created_by, created_at, finished_at, problem";

    @Inject
    AgroalDataSource dataSource;

    void start(UUID id, LocalDate period, String periodState, String versionHash, String actor, Instant at) {
        update("INSERT INTO outlay.reconciliation_run (id, tenant_id, period, period_state, status, rule_version_hash, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, 'running', ?, ?, ?)", id, TenantContext.requireTenant(), Date.valueOf(period), periodState, versionHash,
                actor, Timestamp.from(at));
    }

    void progress(UUID id, int total, int done) {
        update("UPDATE outlay.reconciliation_run SET checks_total = ?, checks_done = ? WHERE id = ? AND status = 'running'", total, done, id);
    }

    /** Fails a run whose instance died, unless it had already ended. */
    void lost(UUID id, String problemJson) {
        update("UPDATE outlay.reconciliation_run SET status = 'failed', problem = ?::jsonb, finished_at = now() WHERE id = ? "
                + "AND status = 'running'", problemJson, id);
    }

    void fail(UUID id, String problemJson) {
        update("UPDATE outlay.reconciliation_run SET status = 'failed', problem = ?::jsonb, finished_at = now() WHERE id = ?", problemJson, id);
    }

    int failUnfinished(String problemJson) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.reconciliation_run SET status = 'failed', problem = ?::jsonb, finished_at = now() WHERE status = 'running' "
                        + "AND NOT EXISTS (SELECT 1 FROM outlay.work_claim w WHERE w.kind = 'reconciliation-run' AND w.item_id = reconciliation_run.id)")) {
            ps.setString(1, problemJson);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the result and its check rows and ends the run; the caller's transaction makes it one step with the alert. */
    void complete(UUID id, ReconciliationResult r, String resultJson, String sha256) {
        String tenant = TenantContext.requireTenant();
        List<UUID> decisionIds = new ArrayList<>();
        for (ReconciliationResult.Check k : r.checks()) {
            decisionIds.add(k.toleranceDecisionId());
            decisionIds.add(k.outcomeDecisionId());
        }
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outlay.reconciliation_run SET status = ?, period_state = ?, result = ?::jsonb, result_sha256 = ?, decision_ids = ?,
                      checks_total = ?, checks_done = ?, finished_at = now() WHERE id = ?""")) {
                ps.setString(1, r.summary().status());
                ps.setString(2, r.periodState());
                ps.setString(3, resultJson);
                ps.setString(4, sha256);
                ps.setArray(5, c.createArrayOf("uuid", decisionIds.toArray()));
                ps.setInt(6, r.checks().size());
                ps.setInt(7, r.checks().size());
                ps.setObject(8, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.reconciliation_check (run_id, tenant_id, ordinal, kind, billing_account_id, currency, reference, observed,
                      difference, difference_percent, breach, severity, confidence, tolerance_decision_id, outcome_decision_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ReconciliationResult.Check k : r.checks()) {
                    Object[] args = {id, tenant, k.ordinal(), k.kind(), k.billingAccountId(), k.currency(), k.reference(), k.observed(),
                            k.difference(), k.differencePercent(), k.breach(), k.severity(), k.confidence().level().name(),
                            k.toleranceDecisionId(), k.outcomeDecisionId()};
                    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the reconciliation run", e);
        }
    }

    void linkAlert(UUID id, UUID eventId, UUID violationId) {
        update("UPDATE outlay.reconciliation_run SET event_id = ?, violation_id = ? WHERE id = ?", eventId, violationId, id);
    }

    public Optional<ReconciliationRun> open(LocalDate period) {
        return runs("SELECT " + COLUMNS + ", NULL FROM outlay.reconciliation_run WHERE tenant_id = ? AND period = ? AND status = 'running' "
                + "ORDER BY created_at LIMIT 1", Date.valueOf(period)).stream().findFirst();
    }

    public Optional<ReconciliationRun> find(UUID id) {
        return runs("SELECT " + COLUMNS + ", result::text FROM outlay.reconciliation_run WHERE tenant_id = ? AND id = ?", id).stream().findFirst();
    }

    /** Newest first; without results (GET one run for those). */
    public List<ReconciliationRun> list(LocalDate period, int limit) {
        return period == null
                ? runs("SELECT " + COLUMNS + ", NULL FROM outlay.reconciliation_run WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ?", limit)
                : runs("SELECT " + COLUMNS + ", NULL FROM outlay.reconciliation_run WHERE tenant_id = ? AND period = ? "
                + "ORDER BY created_at DESC, id LIMIT ?", Date.valueOf(period), limit);
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReconciliationRun> runs(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            for (int i = 0; i < args.length; i++) ps.setObject(i + 2, args[i]);
            List<ReconciliationRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array ids = rs.getArray(8);
                    out.add(new ReconciliationRun((UUID) rs.getObject(1), rs.getDate(2).toLocalDate().toString().substring(0, 7),
                            rs.getString(3), rs.getString(4), rs.getString(5),
                            new ReconciliationRun.Progress((Integer) rs.getObject(6), rs.getInt(7)),
                            ids == null ? List.of() : Arrays.asList((UUID[]) ids.getArray()), rs.getString(9), (UUID) rs.getObject(10),
                            (UUID) rs.getObject(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                            rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(16), rs.getString(15)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
