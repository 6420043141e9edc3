/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.ChargeStream;
import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Loads one file (or the parts of one export) into the ledger of the current tenant, all or nothing, in one
 * transaction on one connection:
 * <ol>
 * <li>a {@link ChargeEncoderThread} parses the files and hands over binary COPY chunks, summing the daily rollup,
 * tag keys and flags on the way;</li>
 * <li>for each chunk: missing monthly partitions are created and attached (short transactions of their own on
 * another connection, see {@link LedgerPartitions}); the rows of any (source, billing period, billing account)
 * scope the chunk is the first to touch are deleted (a newer export replaces the older one); the chunk is
 * COPYed into a transaction-local staging table and inserted through the RLS WITH CHECK policy (COPY cannot
 * target a table with row-level security), while the next chunk is being parsed;</li>
 * <li>the daily rollup and tag keys of the replaced scopes are rewritten, superseded ingestions marked, and the
 * transaction commits. Readers see the old rows until then.</li>
 * </ol>
 * A failure anywhere (bad row late in the file, lost connection, killed worker) rolls back: the ledger is untouched.
 */
@ApplicationScoped
public class LedgerLoader {

    /** Progress callbacks, and a seam for tests to abort just before the replace commits. */
    public interface Listener {
        void progress(long bytesRead, long rowsRead);

        default void beforeReplaceCommit() {
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestionConfig config;

    /** One file of a multi-file load (e.g. the parts of a CUR billing period listed by its manifest). */
    public interface SourceFile {
        String objectKey();

        ChargeStream open() throws IOException;
    }

    public LoadResult load(ChargeReader reader, UUID ingestionId, String source, String objectKey, String checksum,
                           Listener listener) throws SQLException {
        SourceFile single = new SourceFile() {
            @Override
            public String objectKey() {
                return objectKey;
            }

            @Override
            public ChargeReader open() {
                return reader;
            }
        };
        return load(List.of(single), ingestionId, source, checksum, listener);
    }

    /** Loads several files as one unit: all of them replace their scope together, or nothing changes. */
    public LoadResult load(List<SourceFile> files, UUID ingestionId, String source, String checksum,
                           Listener listener) throws SQLException {
        String tenant = TenantContext.requireTenant();
        ChargeEncoderThread encoder = new ChargeEncoderThread(files, tenant, source, ingestionId, checksum);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                lockSource(c, source);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE ledger_staging (LIKE outlay.ledger_charge INCLUDING DEFAULTS) ON COMMIT DROP");
                    st.execute("CREATE TEMP TABLE ledger_staging_daily (LIKE outlay.ledger_daily INCLUDING DEFAULTS) ON COMMIT DROP");
                }
                encoder.start();
                Loaded loaded = loadChunks(c, encoder, source, listener);
                long t1 = System.nanoTime();
                copyIn(c, "COPY pg_temp.ledger_staging_daily (" + DailyRollup.COLUMNS + ") FROM STDIN",
                        encoder.rollup.text(tenant, source).getBytes(StandardCharsets.UTF_8));
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO outlay.ledger_daily (" + DailyRollup.COLUMNS + ") SELECT " + DailyRollup.COLUMNS
                            + " FROM pg_temp.ledger_staging_daily");
                }
                encoder.tagKeys.replace(c, tenant, source);
                loaded.superseded.remove(ingestionId);
                markSuperseded(c, ingestionId, loaded.superseded);
                listener.beforeReplaceCommit();
                c.commit();
                long t2 = System.nanoTime();
                // Until statistics exist, the reads that follow a load (anomaly detection, cost reports) are
                // planned as if the new rows were not there.
                boolean analyzed = config.analyzeMinRows() > 0 && loaded.inserted >= config.analyzeMinRows();
                if (analyzed) analyze(c, loaded.periods);
                long t3 = System.nanoTime();
                Map<String, Long> timings = new LinkedHashMap<>();
                timings.put("parseCopyInsert", (t1 - t0) / 1_000_000);
                timings.put("partitions", loaded.partitionNanos / 1_000_000);
                timings.put("waitingForParser", loaded.waitedForParserNanos / 1_000_000);
                timings.put("parserWaitingForDatabase", encoder.waitedForDatabaseNanos / 1_000_000);
                timings.put("rollupAndCommit", (t2 - t1) / 1_000_000);
                if (analyzed) timings.put("analyze", (t3 - t2) / 1_000_000);
                Map<String, Long> summary = new LinkedHashMap<>();
                encoder.flags.forEach((k, v) -> summary.put(k.name(), v));
                List<String> periods = new ArrayList<>();
                for (LocalDate p : loaded.periods) periods.add(p.toString().substring(0, 7));
                return new LoadResult(String.join(",", encoder.schemaVersions), encoder.rows, loaded.inserted,
                        encoder.flagged, loaded.replaced, summary, periods, loaded.superseded, timings);
            } catch (SQLException | RuntimeException e) {
                abort(encoder, c, e);
                throw e;
            } catch (InterruptedException e) {
                IllegalStateException failure = new IllegalStateException("ledger load interrupted", e);
                abort(encoder, c, failure);
                Thread.currentThread().interrupt();
                throw failure;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Stops the parser and rolls back; a rollback that fails too (lost connection) must not hide the first failure. */
    private static void abort(ChargeEncoderThread encoder, Connection c, Exception cause) {
        encoder.cancel();
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Statistics are an optimisation: failing to gather them must not fail a committed load. */
    private static void analyze(Connection c, Set<LocalDate> periods) {
        try {
            c.setAutoCommit(true);
            for (LocalDate p : periods) {
                LedgerPartitions.analyze(c, p);
            }
        } catch (SQLException e) {
            org.jboss.logging.Logger.getLogger(LedgerLoader.class).warnf(e, "could not analyze the ledger partitions of %s", periods);
        }
    }

    private static final class Loaded {
        final Set<LocalDate> periods = new TreeSet<>();
        final Set<LedgerScopes.Scope> scopes = new HashSet<>();
        final Set<UUID> superseded = new LinkedHashSet<>();
        long replaced;
        long inserted;
        long partitionNanos;
        long waitedForParserNanos;
    }

    /**
     * Serialises loads of one tenant's source: two concurrent loads of the same scope would otherwise both delete
     * only what their snapshot saw and leave two copies.
     */
    static void lockSource(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(current_setting('outlay.tenant_id', true) || '/' || ?))")) {
            ps.setString(1, source);
            ps.execute();
        }
    }

    private Loaded loadChunks(Connection c, ChargeEncoderThread encoder, String source, Listener listener)
            throws SQLException, InterruptedException {
        Loaded l = new Loaded();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outlay.ledger_charge (" + CopyEncoder.COLUMNS
                + ") SELECT " + CopyEncoder.COLUMNS + " FROM pg_temp.ledger_staging");
             PreparedStatement truncate = c.prepareStatement("TRUNCATE pg_temp.ledger_staging")) {
            while (true) {
                long w0 = System.nanoTime();
                ChargeEncoderThread.Chunk chunk = encoder.next();
                l.waitedForParserNanos += System.nanoTime() - w0;
                if (chunk == null) return l;
                Set<LocalDate> newPeriods = new TreeSet<>();
                List<LedgerScopes.Scope> newScopes = new ArrayList<>();
                for (LedgerScopes.Scope s : chunk.scopes()) {
                    if (l.scopes.add(s)) newScopes.add(s);
                    if (l.periods.add(s.period())) newPeriods.add(s.period());
                }
                if (!newPeriods.isEmpty()) {
                    long p0 = System.nanoTime();
                    try (Connection ddl = dataSource.getConnection()) {
                        ddl.setAutoCommit(false);
                        try {
                            LedgerPartitions.ensure(ddl, newPeriods);
                        } finally {
                            ddl.setAutoCommit(true);
                        }
                    }
                    l.partitionNanos += System.nanoTime() - p0;
                }
                if (!newScopes.isEmpty()) deleteScopes(c, source, newScopes, l);
                if (chunk.tuples() > 0) {
                    copyIn(c, "COPY pg_temp.ledger_staging (" + CopyEncoder.COLUMNS + ") FROM STDIN (FORMAT binary)",
                            chunk.data().array(), chunk.data().size());
                    l.inserted += insert.executeUpdate();
                    truncate.execute();
                }
                encoder.recycle(chunk);
                listener.progress(chunk.bytesRead(), chunk.rowsRead());
            }
        }
    }

    /** Deletes the rows a newer export replaces, before any of this load's rows of those scopes are inserted. */
    private static void deleteScopes(Connection c, String source, List<LedgerScopes.Scope> scopes, Loaded l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH d AS (DELETE FROM outlay.ledger_charge l USING " + LedgerScopes.UNNEST
                + " WHERE l.source = ? AND l.billing_period = s.billing_period AND l.billing_account_id = s.billing_account_id "
                + "RETURNING l.ingestion_id) SELECT ingestion_id, count(*) FROM d GROUP BY ingestion_id")) {
            LedgerScopes.bind(c, ps, 1, scopes);
            ps.setString(3, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    l.superseded.add(rs.getObject(1, UUID.class));
                    l.replaced += rs.getLong(2);
                }
            }
        }
        LedgerScopes.delete(c, "outlay.ledger_daily", source, scopes);
    }

    private static void markSuperseded(Connection c, UUID ingestionId, Set<UUID> superseded) throws SQLException {
        if (superseded.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outlay.ingestion SET superseded_by = ? WHERE id = ANY (?)")) {
            ps.setObject(1, ingestionId);
            ps.setArray(2, c.createArrayOf("uuid", superseded.toArray()));
            ps.executeUpdate();
        }
    }

    private static void copyIn(Connection c, String sql, byte[] data) throws SQLException {
        copyIn(c, sql, data, data.length);
    }

    private static void copyIn(Connection c, String sql, byte[] data, int length) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        boolean done = false;
        try {
            in.writeToCopy(data, 0, length);
            in.endCopy();
            done = true;
        } finally {
            if (!done && in.isActive()) in.cancelCopy();
        }
    }
}
