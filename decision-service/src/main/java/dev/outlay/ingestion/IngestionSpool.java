/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An upload's bytes and request kept in PostgreSQL ({@code outlay.ingestion_spool}, V330) until its ingestion ends,
 * so that any instance can run it when the one that accepted it dies ({@code outlay.cluster.shared-spool}).
 * Chunks of 4 MiB: one bytea per upload would have to fit in memory twice on the way in and out.
 */
@ApplicationScoped
public class IngestionSpool {

    private static final int CHUNK = 4 << 20;

    /** What is needed to run a spooled ingestion elsewhere: its request, its requester, its bytes. */
    public record Spooled(IngestionService.Request request, Caller caller, StagedUpload upload) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Stores the upload in one transaction (all chunks or none). */
    void write(UUID id, IngestionService.Request req, StagedUpload upload, Caller caller) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO outlay.ingestion_spool (ingestion_id, tenant_id, mapping, replay, actor, roles)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    ps.setObject(1, id);
                    ps.setString(2, tenant);
                    ps.setString(3, req.mapping());
                    ps.setBoolean(4, req.replay());
                    ps.setString(5, caller.subject());
                    ps.setArray(6, c.createArrayOf("text", caller.roles().stream().sorted().toArray()));
                    ps.executeUpdate();
                }
                try (InputStream in = Files.newInputStream(upload.path()); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outlay.ingestion_spool_chunk (ingestion_id, tenant_id, seq, bytes) VALUES (?, ?, ?, ?)")) {
                    int seq = 0;
                    for (byte[] chunk; (chunk = in.readNBytes(CHUNK)).length > 0; ) {
                        ps.setObject(1, id);
                        ps.setString(2, tenant);
                        ps.setInt(3, seq++);
                        ps.setBytes(4, chunk);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("upload spool write failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outlay.ingestion_spool WHERE ingestion_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("upload spool read failed", e);
        }
    }

    /** Copies a spooled upload back into a private temp file; empty when it is not spooled. */
    Optional<Spooled> read(Ingestion row) {
        Path tmp = null;
        try (Connection c = dataSource.getConnection()) {
            String mapping;
            boolean replay;
            Caller caller;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mapping, replay, actor, roles FROM outlay.ingestion_spool WHERE ingestion_id = ?")) {
                ps.setObject(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    mapping = rs.getString(1);
                    replay = rs.getBoolean(2);
                    String[] roles = (String[]) rs.getArray(4).getArray();
                    caller = new Caller(TenantContext.requireTenant(), rs.getString(3), Set.copyOf(Arrays.asList(roles)));
                }
            }
            tmp = Files.createTempFile("outlay-ingest-", ".bin");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(tmp); PreparedStatement ps = c.prepareStatement(
                    "SELECT bytes FROM outlay.ingestion_spool_chunk WHERE ingestion_id = ? ORDER BY seq")) {
                ps.setObject(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] b = rs.getBytes(1);
                        out.write(b);
                        size += b.length;
                    }
                }
            }
            var req = new IngestionService.Request(dev.outlay.model.SourceKind.parse(row.sourceKind()), row.source(),
                    row.objectKey(), mapping, replay);
            // The checksum recorded at upload is the sha-256 of these bytes (the same ones, read back).
            return Optional.of(new Spooled(req, caller, new StagedUpload(tmp, row.checksum(), size)));
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("upload spool read failed", e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(e);
        }
    }

    void delete(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.ingestion_spool WHERE ingestion_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("upload spool delete failed", e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // temp dir cleanup gets it
        }
    }
}
