/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.ledger.LoadResult;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ingestion manifest. Every write is its own auto-committed statement, separate from the ledger load, so a
 * failed load still leaves its failure on record.
 */
@ApplicationScoped
public class IngestionRepository {

    private static final String COLUMNS = "id, source, source_kind, object_key, checksum, schema_version, status, bytes_total, "
            + "bytes_read, rows_read, rows_loaded, rows_flagged, rows_replaced, flag_summary::text, billing_periods, duplicate_of, "
            + "superseded_by, error::text, created_by, created_at, started_at, finished_at, timings::text, retracted_by, retracted_at, "
            + "retraction_reason, rows_retracted";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    dev.outlay.events.DomainEvents events;

    public void create(UUID id, String source, String kind, String objectKey, String checksum, String mappingSha256, Long bytesTotal,
                       String createdBy) {
        update("INSERT INTO outlay.ingestion (id, tenant_id, source, source_kind, object_key, checksum, mapping_sha256, status, "
                + "bytes_total, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)", id, TenantContext.requireTenant(), source, kind,
                objectKey, checksum, mappingSha256, bytesTotal, createdBy);
    }

    /** The succeeded ingestion of the same source, bytes and mapping whose rows are all still current, if any. */
    public Optional<UUID> currentWithChecksum(String source, String checksum, String mappingSha256) {
        return query("SELECT id FROM outlay.ingestion WHERE source = ? AND checksum = ? AND mapping_sha256 IS NOT DISTINCT FROM ? "
                        + "AND status = 'succeeded' AND superseded_by IS NULL ORDER BY finished_at DESC LIMIT 1",
                rs -> rs.getObject(1, UUID.class), source, checksum, mappingSha256).stream().findFirst();
    }

    public void markDuplicate(UUID id, UUID of) {
        update("UPDATE outlay.ingestion SET status = 'duplicate', duplicate_of = ?, started_at = now(), finished_at = now() WHERE id = ?", of, id);
    }

    public void markRunning(UUID id) {
        update("UPDATE outlay.ingestion SET status = 'running', started_at = now() WHERE id = ?", id);
    }

    public void progress(UUID id, long bytesRead, long rowsRead) {
        update("UPDATE outlay.ingestion SET bytes_read = ?, rows_read = ? WHERE id = ?", bytesRead, rowsRead, id);
    }

    /** The status change and its domain event commit together (the event is what downstream consumers act on). */
    @jakarta.transaction.Transactional
    public void markSucceeded(UUID id, LoadResult r, long bytesRead) {
        update("UPDATE outlay.ingestion SET status = 'succeeded', schema_version = ?, bytes_read = ?, rows_read = ?, rows_loaded = ?, "
                        + "rows_flagged = ?, rows_replaced = ?, flag_summary = ?::jsonb, billing_periods = ?, timings = ?::jsonb, "
                        + "finished_at = now() WHERE id = ?",
                r.schemaVersion(), bytesRead, r.rowsRead(), r.rowsLoaded(), r.rowsFlagged(), r.rowsReplaced(), write(r.flagSummary()),
                r.billingPeriods().toArray(new String[0]), write(r.timingsMs()), id);
        if (events.enabled()) find(id).ifPresent(i -> events.record(new dev.outlay.events.IngestionSucceededEvent(id, i.source(), i.objectKey(),
                r.rowsLoaded(), r.rowsReplaced(), List.copyOf(r.billingPeriods()))));
    }

    public void markFailed(UUID id, Problem problem, long bytesRead, long rowsRead) {
        update("UPDATE outlay.ingestion SET status = 'failed', error = ?::jsonb, bytes_read = ?, rows_read = ?, rows_loaded = 0, "
                + "finished_at = now() WHERE id = ?", write(problem), bytesRead, rowsRead, id);
    }

    /** Marks every queued or running ingestion of the current tenant failed (start-up recovery). */
    /** Fails the current tenant's open ingestions that no instance claims (from before V330). */
    public int failUnfinished(Problem problem) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.ingestion i SET status = 'failed', error = ?::jsonb, finished_at = now() WHERE status IN ('queued', 'running') "
                        + "AND NOT EXISTS (SELECT 1 FROM outlay.work_claim w WHERE w.kind = 'ingestion' AND w.item_id = i.id)")) {
            ps.setString(1, write(problem));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("ingestion manifest update failed", e);
        }
    }

    /** An open ingestion whose instance died goes back to queued, progress cleared (its load was rolled back). */
    public boolean requeue(UUID id) {
        return update("UPDATE outlay.ingestion SET status = 'queued', bytes_read = 0, rows_read = 0 WHERE id = ? "
                + "AND status IN ('queued', 'running')", id) > 0;
    }

    /** Fails one open ingestion (its instance died and its bytes are gone); false when it had already ended. */
    public boolean failOpen(UUID id, Problem problem) {
        return update("UPDATE outlay.ingestion SET status = 'failed', error = ?::jsonb, finished_at = now() WHERE id = ? "
                + "AND status IN ('queued', 'running')", write(problem), id) > 0;
    }

    public Optional<Ingestion> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM outlay.ingestion WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** The newest first, optionally only one status and/or one source. */
    public List<Ingestion> list(String status, String source, int limit) {
        return query("SELECT " + COLUMNS + " FROM outlay.ingestion WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR source = ?) "
                + "ORDER BY created_at DESC LIMIT ?", this::map, status, status, source, source, limit);
    }

    private Ingestion map(ResultSet rs) throws SQLException {
        String[] periods = (String[]) rs.getArray("billing_periods").getArray();
        Long bytesTotal = rs.getObject("bytes_total") == null ? null : rs.getLong("bytes_total");
        return new Ingestion(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_kind"),
                rs.getString("object_key"), rs.getString("checksum"), rs.getString("schema_version"), rs.getString("status"),
                new Ingestion.Progress(bytesTotal, rs.getLong("bytes_read"), rs.getLong("rows_read")),
                new Ingestion.Counts(rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_flagged"), rs.getLong("rows_replaced")),
                Arrays.asList(periods), read(rs.getString("flag_summary"), new TypeReference<Map<String, Long>>() {
                }), rs.getObject("duplicate_of", UUID.class), rs.getObject("superseded_by", UUID.class),
                rs.getString("error") == null ? null : read(rs.getString("error"), new TypeReference<Problem>() {
                }),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), read(rs.getString("timings"), new TypeReference<Map<String, Long>>() {
                }), rs.getString("retracted_by") == null ? null : new Ingestion.Retraction(rs.getString("retracted_by"),
                        instant(rs.getTimestamp("retracted_at")), rs.getString("retraction_reason"), rs.getLong("rows_retracted")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ingestion manifest query failed", e);
        }
    }

    /**
     * Marks a succeeded ingestion retracted; false when it is no longer succeeded (a concurrent retraction).
     * Called inside the retraction's transaction, so it commits or rolls back with the ledger rows.
     */
    public boolean markRetracted(UUID id, String by, String reason, long rowsRemoved) {
        return update("UPDATE outlay.ingestion SET status = 'retracted', retracted_by = ?, retracted_at = now(), retraction_reason = ?, "
                + "rows_retracted = ? WHERE id = ? AND status = 'succeeded'", by, reason, rowsRemoved, id) == 1;
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("ingestion manifest update failed", e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof String[] arr) ps.setArray(i + 1, c.createArrayOf("text", arr));
            else ps.setObject(i + 1, a);
        }
    }
}
