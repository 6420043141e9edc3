/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

/** The close tables of the current tenant (row-level secured), in the caller's transaction. */
@ApplicationScoped
public class CloseStore {

    public record PeriodRow(LocalDate period, String state, String processInstanceId, UUID finalPackageId, String preparedBy, Instant updatedAt) {
    }

    public record PackageRow(UUID id, LocalDate period, int version, String kind, String status, String packageHash, String zipSha256,
                             String manifest, String inputs, UUID previousId, String createdBy, Instant createdAt, String decidedBy,
                             Instant decidedAt, String reason) {
    }

    public record RestatementRow(UUID id, LocalDate period, String status, String triggerKind, UUID triggerId, UUID basePackageId,
                                 UUID candidatePackageId, String diff, String processInstanceId, String proposedBy, Instant createdAt,
                                 String decidedBy, Instant decidedAt, String reason) {
    }

    public record EventRow(Instant at, String actor, String kind, String detail) {
    }

    private static final String PERIOD_COLS = "period, state, process_instance_id, final_package_id, prepared_by, updated_at";
    private static final String PACKAGE_COLS = "id, period, version, kind, status, package_hash, zip_sha256, manifest::text, inputs::text, "
            + "previous_id, created_by, created_at, decided_by, decided_at, reason";
    private static final String RESTATEMENT_COLS = "id, period, status, trigger_kind, trigger_id, base_package_id, candidate_package_id, "
            + "diff::text, process_instance_id, proposed_by, created_at, decided_by, decided_at, reason";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.events.DomainEvents events;

    /**
     * The period's row, created OPEN if absent, locked until the transaction ends: a second close of the same period
     * waits here for the first and then sees what the first did (and joins it).
     */
    public PeriodRow lock(LocalDate period) {
        update("INSERT INTO outlay.close_period (tenant_id, period, state) VALUES (?,?,'OPEN') ON CONFLICT DO NOTHING",
                TenantContext.requireTenant(), Date.valueOf(period));
        return query("SELECT " + PERIOD_COLS + " FROM outlay.close_period WHERE period = ? FOR UPDATE", CloseStore::period,
                Date.valueOf(period)).get(0);
    }

    public Optional<PeriodRow> period(LocalDate period) {
        return query("SELECT " + PERIOD_COLS + " FROM outlay.close_period WHERE period = ?", CloseStore::period, Date.valueOf(period))
                .stream().findFirst();
    }

    public List<PeriodRow> periods() {
        return query("SELECT " + PERIOD_COLS + " FROM outlay.close_period ORDER BY period DESC", CloseStore::period);
    }

    public Optional<PeriodRow> periodByProcess(String processInstanceId) {
        return query("SELECT " + PERIOD_COLS + " FROM outlay.close_period WHERE process_instance_id = ?", CloseStore::period, processInstanceId)
                .stream().findFirst();
    }

    /** A change of state also writes its {@code close.state-changed} domain event, in the same transaction. */
    @jakarta.transaction.Transactional
    public void setPeriod(LocalDate period, String state, String processInstanceId, UUID finalPackageId, String preparedBy) {
        String before = events.enabled() ? period(period).map(PeriodRow::state).orElse(null) : null;
        update("UPDATE outlay.close_period SET state = ?, process_instance_id = ?, final_package_id = ?, prepared_by = ?, updated_at = now() "
                + "WHERE period = ?", state, processInstanceId, finalPackageId, preparedBy, Date.valueOf(period));
        if (events.enabled() && !state.equals(before)) {
            events.record(new dev.outlay.events.CloseStateChangedEvent(java.time.YearMonth.from(period).toString(), before, state, finalPackageId,
                    TenantContext.caller().map(dev.outlay.tenancy.Caller::subject).orElse(preparedBy)));
        }
    }

    public int nextVersion(LocalDate period) {
        return query("SELECT coalesce(max(version), 0) + 1 FROM outlay.close_package WHERE period = ?", rs -> rs.getInt(1), Date.valueOf(period)).get(0);
    }

    public void insertPackage(UUID id, LocalDate period, int version, String kind, String status, ClosePackage p, String inputs,
                              UUID previousId, String createdBy) {
        update("INSERT INTO outlay.close_package (id, tenant_id, period, version, kind, status, package_hash, zip_sha256, manifest, inputs, "
                        + "bytes, previous_id, created_by) VALUES (?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?)",
                id, TenantContext.requireTenant(), Date.valueOf(period), version, kind, status, p.packageHash(), p.zipSha256(),
                p.manifestJson(), inputs, p.bytes(), previousId, createdBy);
    }

    public void decidePackage(UUID id, String status, String decidedBy, String reason) {
        update("UPDATE outlay.close_package SET status = ?, decided_by = ?, decided_at = now(), reason = ? WHERE id = ?",
                status, decidedBy, reason, id);
    }

    public List<PackageRow> packages(LocalDate period) {
        return query("SELECT " + PACKAGE_COLS + " FROM outlay.close_package WHERE period = ? ORDER BY version", CloseStore::pkg, Date.valueOf(period));
    }

    public Optional<PackageRow> pkg(UUID id) {
        return query("SELECT " + PACKAGE_COLS + " FROM outlay.close_package WHERE id = ?", CloseStore::pkg, id).stream().findFirst();
    }

    /** The package under review for a close of the period (status in_review, kind CLOSE), if any. */
    public Optional<PackageRow> reviewed(LocalDate period, String kind) {
        return query("SELECT " + PACKAGE_COLS + " FROM outlay.close_package WHERE period = ? AND kind = ? AND status = 'in_review' "
                + "ORDER BY version DESC LIMIT 1", CloseStore::pkg, Date.valueOf(period), kind).stream().findFirst();
    }

    public Optional<byte[]> bytes(LocalDate period, int version) {
        return query("SELECT bytes FROM outlay.close_package WHERE period = ? AND version = ?", rs -> rs.getBytes(1), Date.valueOf(period), version)
                .stream().findFirst();
    }

    public void insertRestatement(UUID id, LocalDate period, String triggerKind, UUID triggerId, UUID base, UUID candidate, String diff,
                                  String proposedBy) {
        update("INSERT INTO outlay.close_restatement (id, tenant_id, period, status, trigger_kind, trigger_id, base_package_id, "
                        + "candidate_package_id, diff, proposed_by) VALUES (?,?,?,'proposed',?,?,?,?,?::jsonb,?)",
                id, TenantContext.requireTenant(), Date.valueOf(period), triggerKind, triggerId, base, candidate, diff, proposedBy);
    }

    public void refreshRestatement(UUID id, String triggerKind, UUID triggerId, UUID candidate, String diff) {
        update("UPDATE outlay.close_restatement SET trigger_kind = ?, trigger_id = ?, candidate_package_id = ?, diff = ?::jsonb WHERE id = ?",
                triggerKind, triggerId, candidate, diff, id);
    }

    public void linkRestatement(UUID id, String processInstanceId) {
        update("UPDATE outlay.close_restatement SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    public void decideRestatement(UUID id, String status, String decidedBy, String reason) {
        update("UPDATE outlay.close_restatement SET status = ?, decided_by = ?, decided_at = now(), reason = ? WHERE id = ?",
                status, decidedBy, reason, id);
    }

    public Optional<RestatementRow> openRestatement(LocalDate period) {
        return query("SELECT " + RESTATEMENT_COLS + " FROM outlay.close_restatement WHERE period = ? AND status = 'proposed'",
                CloseStore::restatement, Date.valueOf(period)).stream().findFirst();
    }

    public Optional<RestatementRow> restatement(UUID id) {
        return query("SELECT " + RESTATEMENT_COLS + " FROM outlay.close_restatement WHERE id = ?", CloseStore::restatement, id).stream().findFirst();
    }

    public Optional<RestatementRow> restatementByProcess(String processInstanceId) {
        return query("SELECT " + RESTATEMENT_COLS + " FROM outlay.close_restatement WHERE process_instance_id = ?", CloseStore::restatement,
                processInstanceId).stream().findFirst();
    }

    public List<RestatementRow> restatements(LocalDate period) {
        return query("SELECT " + RESTATEMENT_COLS + " FROM outlay.close_restatement WHERE period = ? ORDER BY created_at, id",
                CloseStore::restatement, Date.valueOf(period));
    }

    public void event(LocalDate period, String actor, String kind, String detail) {
        update("INSERT INTO outlay.close_event (tenant_id, period, actor, kind, detail) VALUES (?,?,?,?,?)",
                TenantContext.requireTenant(), Date.valueOf(period), actor, kind, detail);
    }

    public List<EventRow> events(LocalDate period) {
        return query("SELECT at, actor, kind, detail FROM outlay.close_event WHERE period = ? ORDER BY id",
                rs -> new EventRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)), Date.valueOf(period));
    }

    /** Whether the latest event of the period is this one (the scheduler records a refusal once, not every hour). */
    public boolean lastEventIs(LocalDate period, String kind, String detail) {
        return query("SELECT kind, detail FROM outlay.close_event WHERE period = ? ORDER BY id DESC LIMIT 1",
                rs -> kind.equals(rs.getString(1)) && detail.equals(rs.getString(2)), Date.valueOf(period)).stream().findFirst().orElse(false);
    }

    private static PeriodRow period(ResultSet rs) throws SQLException {
        return new PeriodRow(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    private static PackageRow pkg(ResultSet rs) throws SQLException {
        return new PackageRow(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15));
    }

    private static RestatementRow restatement(ResultSet rs) throws SQLException {
        return new RestatementRow(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12), instant(rs.getTimestamp(13)), rs.getString(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the close tables: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the close tables: " + e.getMessage(), e);
        }
    }
}
