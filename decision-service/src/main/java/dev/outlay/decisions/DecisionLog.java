/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

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

/** The append-only log of evaluations (the table refuses UPDATE, DELETE and TRUNCATE). */
@ApplicationScoped
public class DecisionLog {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.events.DomainEvents events;

    /**
     * Logs the records. With domain events on, the rows and one {@code decision.logged} event per row commit together
     * (joining the caller's transaction, else in one of their own); with events off (the default) no transaction is
     * opened for the insert: this is the logged decision path, and it pays for nothing it does not use.
     */
    public void append(List<DecisionRecord> records) {
        if (records.isEmpty()) return;
        if (!events.enabled()) {
            insert(records);
            return;
        }
        io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().run(() -> {
            insert(records);
            events.recordAll(records.stream().map(r -> new dev.outlay.events.DecisionLoggedEvent(r.id(), r.ruleSet(), r.versionHash(),
                    r.caller(), r.at(), r.runId(), r.rowCount() == null ? 1 : r.rowCount())).toList());
        });
    }

    private void insert(List<DecisionRecord> records) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.decision_log (id, tenant_id, rule_set, version_hash, inputs, outputs, caller, at, run_id, row_count)
                VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            for (DecisionRecord r : records) {
                ps.setObject(1, r.id());
                ps.setString(2, tenant);
                ps.setString(3, r.ruleSet());
                ps.setString(4, r.versionHash());
                ps.setString(5, r.inputs());
                ps.setString(6, r.outputs());
                ps.setString(7, r.caller());
                ps.setTimestamp(8, Timestamp.from(r.at()));
                ps.setObject(9, r.runId());
                ps.setInt(10, r.rowCount() == null ? 1 : r.rowCount());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not log the decision: " + e.getMessage(), e);
        }
    }

    public Optional<DecisionRecord> find(UUID id) {
        return query(SELECT + " WHERE tenant_id = ? AND id = ?", List.of(TenantContext.requireTenant(), id)).stream().findFirst();
    }

    /** Newest first. */
    public List<DecisionRecord> list(String ruleSet, Instant from, Instant to, UUID runId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(TenantContext.requireTenant());
        if (ruleSet != null) { sql.append(" AND rule_set = ?"); args.add(ruleSet); }
        if (from != null) { sql.append(" AND at >= ?"); args.add(Timestamp.from(from)); }
        if (to != null) { sql.append(" AND at < ?"); args.add(Timestamp.from(to)); }
        if (runId != null) { sql.append(" AND run_id = ?"); args.add(runId); }
        sql.append(" ORDER BY at DESC, id LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args);
    }

    private static final String SELECT =
            "SELECT id, rule_set, version_hash, inputs, outputs, caller, at, run_id, row_count FROM outlay.decision_log";

    private List<DecisionRecord> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<DecisionRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DecisionRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getObject(8, UUID.class),
                            rs.getInt(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("decision log query failed: " + e.getMessage(), e);
        }
    }
}
