/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.decisions.CanonicalJson;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of allocation runs, their statement lines and their charge groups (all tenant-scoped by RLS). A run
 * row exists from the request on (queued → running → succeeded | failed) so its progress can be watched; its
 * results are written in the same transaction that marks it succeeded.
 */
@ApplicationScoped
public class AllocationStore {

    /** {@code currencies}: the run's totals and coverage per billing currency (empty until it succeeded). */
    public record Run(UUID id, LocalDate billingPeriod, String versionHash, UUID decisionRunId, String status,
                      List<AllocationOutcome.CurrencyTotal> currencies, int groups,
                      UUID supersededBy, String createdBy, Instant startedAt, Instant finishedAt, Progress progress,
                      @com.fasterxml.jackson.annotation.JsonRawValue String problem, String engine) {

        public boolean open() {
            return status.equals("queued") || status.equals("running");
        }
    }

    /** Charge groups decided so far out of all groups of the period, and ledger rows applied once stored. */
    public record Progress(Integer groupsTotal, int groupsEvaluated, long rowsApplied) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.events.DomainEvents events;

    /**
     * Stores a queued run. Empty when the period already has an open run: the partial unique index
     * {@code allocation_run_open} (V330) decides, so two instances' simultaneous requests cannot both queue one.
     */
    Optional<Run> queue(UUID id, LocalDate period, String versionHash, String actor, Instant requested, AllocationEngine engine) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.allocation_run (id, tenant_id, billing_period, version_hash, status, created_by, started_at, engine)
                VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (tenant_id, billing_period) WHERE status IN ('queued', 'running') DO NOTHING""")) {
            Object[] args = {id, TenantContext.requireTenant(), Date.valueOf(period), versionHash, actor, Timestamp.from(requested), engine.wire()};
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            if (ps.executeUpdate() == 0) return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(id);
    }

    /** A run whose instance died goes back to queued (nothing of it was stored: results are written only at the end). */
    boolean requeue(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.allocation_run SET status = 'queued', groups_total = NULL, groups_evaluated = 0 "
                        + "WHERE id = ? AND status IN ('queued', 'running')")) {
            ps.setObject(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void running(UUID id) {
        update("UPDATE outlay.allocation_run SET status = 'running' WHERE id = ? AND status = 'queued'", id);
    }

    void progress(UUID id, int total, int evaluated) {
        update("UPDATE outlay.allocation_run SET groups_total = ?, groups_evaluated = ? WHERE id = ?", total, evaluated, id);
    }

    /** The failure and its domain event in one transaction. */
    @jakarta.transaction.Transactional
    void fail(UUID id, String problemJson) {
        update("UPDATE outlay.allocation_run SET status = 'failed', problem = ?, finished_at = now() WHERE id = ?", problemJson, id);
        if (events.enabled()) find(id).ifPresent(r -> events.record(new dev.outlay.events.AllocationRunFinishedEvent(id, r.billingPeriod(), "failed",
                r.versionHash(), r.engine(), null, null, problemDetail(problemJson))));
    }

    private static String problemDetail(String problemJson) {
        try {
            com.fasterxml.jackson.databind.JsonNode p = new com.fasterxml.jackson.databind.ObjectMapper().readTree(problemJson);
            return p.hasNonNull("detail") ? p.get("detail").asText() : p.path("title").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** Marks the current tenant's queued or running runs that no instance claims failed (from before V330); returns how many. */
    int failUnfinished(String problemJson) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.allocation_run r SET status = 'failed', problem = ?, finished_at = now() WHERE status IN ('queued', 'running') "
                        + "AND NOT EXISTS (SELECT 1 FROM outlay.work_claim w WHERE w.kind = 'allocation-run' AND w.item_id = r.id)")) {
            ps.setString(1, problemJson);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the run's results and marks it succeeded; the caller's transaction makes both one step. */
    void complete(UUID id, AllocationService.Evaluated e) {
        String tenant = TenantContext.requireTenant();
        AllocationOutcome o = e.outcome();
        long rows = o.groups().stream().mapToLong(g -> g.group().rows()).sum();
        // Same transaction as the results below: an event exists exactly when the run's results are committed.
        if (events.enabled()) find(id).ifPresent(r -> events.record(new dev.outlay.events.AllocationRunFinishedEvent(id, r.billingPeriod(), "succeeded",
                r.versionHash(), r.engine(), o.groups().size(), rows, null)));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outlay.allocation_run SET status = 'succeeded', decision_run_id = ?, groups = ?, groups_total = ?,
                      groups_evaluated = ?, rows_applied = ?, finished_at = now()
                    WHERE id = ?""")) {
                // total_cost / allocated_cost / coverage_pct of the run row stay NULL: they would add currencies.
                ps.setObject(1, e.decisionRunId());
                ps.setInt(2, o.groups().size());
                ps.setInt(3, o.groups().size());
                ps.setInt(4, o.groups().size());
                ps.setLong(5, rows);
                ps.setObject(6, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.allocation_run_currency (run_id, tenant_id, currency, total_cost, allocated_cost, coverage_pct)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (AllocationOutcome.CurrencyTotal t : o.currencies()) {
                    ps.setObject(1, id);
                    ps.setString(2, tenant);
                    ps.setString(3, t.currency());
                    ps.setBigDecimal(4, t.total());
                    ps.setBigDecimal(5, t.allocated());
                    ps.setBigDecimal(6, t.coveragePct());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.allocation_line (run_id, tenant_id, team, product, environment, cost_center, direct_cost,
                      shared_cost, total_cost, reason, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (AllocationOutcome.Line l : o.lines()) {
                    ps.setObject(1, id);
                    ps.setString(2, tenant);
                    ps.setString(3, l.owner().team());
                    ps.setString(4, l.owner().product());
                    ps.setString(5, l.owner().environment());
                    ps.setString(6, l.owner().costCenter());
                    ps.setBigDecimal(7, l.direct());
                    ps.setBigDecimal(8, l.shared());
                    ps.setBigDecimal(9, l.total());
                    ps.setString(10, l.reason());
                    ps.setString(11, l.currency());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.allocation_group (run_id, tenant_id, inputs, service_name, billing_account, sub_account,
                      effective_cost, row_count, team, product, environment, cost_center, rule_id, outcome, reason, currency)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (AllocationOutcome.GroupResult g : o.groups()) {
                    Owner owner = g.owner();
                    ps.setObject(1, id);
                    ps.setString(2, tenant);
                    ps.setString(3, CanonicalJson.write(g.group().inputs()));
                    ps.setString(4, g.group().dimension("serviceName"));
                    ps.setString(5, g.group().dimension("billingAccount"));
                    ps.setString(6, g.group().dimension("subAccount"));
                    ps.setBigDecimal(7, g.group().effectiveCost());
                    ps.setLong(8, g.group().rows());
                    ps.setString(9, owner == null ? null : owner.team());
                    ps.setString(10, owner == null ? null : owner.product());
                    ps.setString(11, owner == null ? null : owner.environment());
                    ps.setString(12, owner == null ? null : owner.costCenter());
                    ps.setString(13, g.ruleId());
                    ps.setString(14, g.kind().name());
                    ps.setString(15, g.reason());
                    ps.setString(16, g.group().currency());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertDaily(c, id, tenant, o);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not store the allocation run", ex);
        }
    }

    /** Daily direct cost per owner and currency, the actuals budgets read through the outlay.cost_daily view. */
    private static void insertDaily(Connection c, UUID id, String tenant, AllocationOutcome o) throws SQLException {
        java.util.TreeMap<String, Object[]> daily = new java.util.TreeMap<>();
        for (AllocationOutcome.GroupResult g : o.groups()) {
            if (g.kind() != AllocationOutcome.Kind.direct) continue;
            Object[] acc = daily.computeIfAbsent(g.group().day() + "|" + g.group().currency() + "|" + g.owner(),
                    x -> new Object[]{g.group().day(), g.owner(), BigDecimal.ZERO, g.group().currency()});
            acc[2] = ((BigDecimal) acc[2]).add(g.group().effectiveCost());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.allocation_daily (run_id, tenant_id, day, team, product, "
                + "environment, cost_center, direct_cost, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] d : daily.values()) {
                Owner owner = (Owner) d[1];
                ps.setObject(1, id);
                ps.setString(2, tenant);
                ps.setDate(3, Date.valueOf((LocalDate) d[0]));
                ps.setString(4, owner.team());
                ps.setString(5, owner.product());
                ps.setString(6, owner.environment());
                ps.setString(7, owner.costCenter());
                ps.setBigDecimal(8, (BigDecimal) d[2]);
                ps.setString(9, (String) d[3]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void supersede(UUID old, UUID by) {
        update("UPDATE outlay.allocation_run SET superseded_by = ? WHERE id = ?", by, old);
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String RUN_COLUMNS = "id, billing_period, version_hash, decision_run_id, status, "
            + "groups, superseded_by, created_by, started_at, finished_at, groups_total, groups_evaluated, rows_applied, problem, engine";

    /** A queued or running run of the period, which a second request joins instead of starting another. */
    public Optional<Run> openRun(LocalDate period) {
        return runs("SELECT " + RUN_COLUMNS + " FROM outlay.allocation_run WHERE tenant_id = ? AND billing_period = ? "
                + "AND status IN ('queued', 'running') ORDER BY started_at LIMIT 1", Date.valueOf(period)).stream().findFirst();
    }

    public Optional<Run> find(UUID id) {
        List<Run> runs = runs("SELECT " + RUN_COLUMNS + " FROM outlay.allocation_run WHERE tenant_id = ? AND id = ?", id);
        return runs.stream().findFirst();
    }

    /** The run currently in force for a period (latest succeeded, not superseded). */
    public Optional<Run> latestRun(LocalDate period) {
        return runs("SELECT " + RUN_COLUMNS + " FROM outlay.allocation_run WHERE tenant_id = ? AND billing_period = ? "
                + "AND status = 'succeeded' AND superseded_by IS NULL ORDER BY started_at DESC LIMIT 1", Date.valueOf(period)).stream().findFirst();
    }

    /** The tenant's latest runs of any period and status, newest first (the console's run list). */
    public List<Run> recent(int limit) {
        return runs("SELECT " + RUN_COLUMNS + " FROM outlay.allocation_run WHERE tenant_id = ? ORDER BY started_at DESC, id LIMIT ?", limit);
    }

    public List<Run> inForce(LocalDate from, LocalDate to) {
        return runs("SELECT " + RUN_COLUMNS + " FROM outlay.allocation_run WHERE tenant_id = ? AND billing_period >= ? AND billing_period <= ? "
                + "AND status = 'succeeded' AND superseded_by IS NULL ORDER BY billing_period", Date.valueOf(from), Date.valueOf(to));
    }

    public List<AllocationOutcome.Line> lines(UUID runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT team, product, environment, cost_center, direct_cost, shared_cost, total_cost, reason, currency FROM outlay.allocation_line "
                        + "WHERE tenant_id = ? AND run_id = ? ORDER BY currency, team, product, environment, cost_center, reason")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, runId);
            List<AllocationOutcome.Line> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString(9);
                    if (currency == null) throw new LegacyRunException(runId);
                    out.add(new AllocationOutcome.Line(new Owner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            currency, rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run withCurrencies(Connection c, Run r) throws SQLException {
        if (!r.status().equals("succeeded")) return r;
        List<AllocationOutcome.CurrencyTotal> totals = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT currency, total_cost, allocated_cost, coverage_pct "
                + "FROM outlay.allocation_run_currency WHERE run_id = ? ORDER BY currency")) {
            ps.setObject(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(new AllocationOutcome.CurrencyTotal(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                }
            }
        }
        return new Run(r.id(), r.billingPeriod(), r.versionHash(), r.decisionRunId(), r.status(), List.copyOf(totals), r.groups(),
                r.supersededBy(), r.createdBy(), r.startedAt(), r.finishedAt(), r.progress(), r.problem(), r.engine());
    }

    private List<Run> runs(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            for (int i = 0; i < args.length; i++) ps.setObject(i + 2, args[i]);
            List<Run> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Run((UUID) rs.getObject(1), rs.getDate(2).toLocalDate(), rs.getString(3), (UUID) rs.getObject(4),
                            rs.getString(5), List.of(), rs.getInt(6),
                            (UUID) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                            new Progress((Integer) rs.getObject(11), rs.getInt(12), rs.getLong(13)), rs.getString(14), rs.getString(15)));
                }
            }
            List<Run> withTotals = new ArrayList<>(out.size());
            for (Run r : out) withTotals.add(withCurrencies(c, r));
            return withTotals;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
