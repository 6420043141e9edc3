package dev.outlay.ledger;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads one file into the ledger of the current tenant, all or nothing:
 * <ol>
 * <li>stream-parse and COPY into a session-local staging table (COPY cannot target a table with row-level
 * security; the staging table is temporary and visible to this session only), summing the daily rollup on the
 * way ({@link DailyRollup}) into a second, small staging table;</li>
 * <li>create missing monthly partitions (short transactions of their own);</li>
 * <li>one transaction: delete the rows of the same (source, billing period, billing account) scope, insert the
 * staged rows through the RLS WITH CHECK policy, replace the daily rollup of that scope, mark superseded
 * ingestions. Readers see the old rows until this commits.</li>
 * </ol>
 * A failure anywhere (bad row late in the file, lost connection, killed worker) leaves the ledger untouched.
 */
@ApplicationScoped
public class LedgerLoader {

    /** Progress callbacks, and a seam for tests to abort just before the replace commits. */
    public interface Listener {
        void progress(long bytesRead, long rowsRead);

        default void beforeReplaceCommit() {
        }
    }

    private static final AtomicLong STAGING_SEQ = new AtomicLong();
    private static final int PROGRESS_EVERY_ROWS = 20_000;

    @Inject
    AgroalDataSource dataSource;

    /** One file of a multi-file load (e.g. the parts of a CUR billing period listed by its manifest). */
    public interface SourceFile {
        String objectKey();

        ChargeReader open() throws IOException;
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
        String staging = "ledger_staging_" + STAGING_SEQ.incrementAndGet();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                Staged staged = stage(c, staging, files, tenant, ingestionId, source, checksum, listener);
                c.commit();
                long t1 = System.nanoTime();
                LedgerPartitions.ensure(c, staged.periods);
                long t2 = System.nanoTime();
                LoadResult result = replace(c, staging, source, ingestionId, staged);
                listener.beforeReplaceCommit();
                c.commit();
                long t3 = System.nanoTime();
                Map<String, Long> timings = new LinkedHashMap<>();
                timings.put("parseAndCopy", (t1 - t0) / 1_000_000);
                timings.put("partitions", (t2 - t1) / 1_000_000);
                timings.put("replaceAndRollup", (t3 - t2) / 1_000_000);
                return new LoadResult(result.schemaVersion(), result.rowsRead(), result.rowsLoaded(), result.rowsFlagged(),
                        result.rowsReplaced(), result.flagSummary(), result.billingPeriods(), result.superseded(), timings);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS pg_temp." + staging + ", pg_temp." + staging + "_daily");
                    c.commit();
                } catch (SQLException ignored) {
                    // the connection may be broken; a temp table dies with its session anyway
                }
                c.setAutoCommit(true);
            }
        }
    }

    private record Staged(String schemaVersion, long rows, long flagged, Map<String, Long> flags, Set<LocalDate> periods,
                          String tenant, LoadedTagKeys tagKeys) {
    }

    private Staged stage(Connection c, String staging, List<SourceFile> files, String tenant, UUID ingestionId, String source,
                         String checksum, Listener listener) throws SQLException {
        try (Statement st = c.createStatement()) {
            // LIKE a partitioned table yields a plain table with the same columns, without RLS.
            st.execute("CREATE TEMP TABLE " + staging + " (LIKE outlay.ledger_charge INCLUDING DEFAULTS)");
        }
        Map<DataQualityFlag, Long> flags = new EnumMap<>(DataQualityFlag.class);
        DailyRollup rollup = new DailyRollup();
        LoadedTagKeys tagKeys = new LoadedTagKeys();
        Set<LocalDate> periods = new TreeSet<>();
        Set<String> versions = new LinkedHashSet<>();
        long rows = 0;
        long flagged = 0;
        long bytesBefore = 0;
        for (SourceFile file : files) {
            PGCopyOutputStream copy = null;
            boolean done = false;
            try (ChargeReader reader = file.open()) {
                String schemaVersion = reader.start().schemaVersion();
                versions.add(schemaVersion);
                CopyEncoder enc = new CopyEncoder(tenant, source, ingestionId, file.objectKey(), checksum, schemaVersion);
                copy = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                        "COPY pg_temp." + staging + " (" + CopyEncoder.COLUMNS + ") FROM STDIN", 1 << 16);
                Writer w = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                long fileRows = 0;
                for (Charge ch; (ch = reader.next()) != null; ) {
                    rows++;
                    fileRows++;
                    periods.add(ch.billingPeriod());
                    if (ch.flagged()) {
                        flagged++;
                        for (DataQualityFlag f : ch.flags()) flags.merge(f, 1L, Long::sum);
                    }
                    w.write(enc.line(ch, fileRows));
                    rollup.add(ch);
                    tagKeys.add(ch);
                    if (rows % PROGRESS_EVERY_ROWS == 0) listener.progress(bytesBefore + reader.bytesRead(), rows);
                }
                w.flush();
                copy.endCopy();
                done = true;
                bytesBefore += reader.bytesRead();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (!done && copy != null && copy.isActive()) copy.cancelCopy();
            }
        }
        listener.progress(bytesBefore, rows);
        stageRollup(c, staging + "_daily", rollup, tenant, source);
        Map<String, Long> summary = new LinkedHashMap<>();
        flags.forEach((k, v) -> summary.put(k.name(), v));
        return new Staged(String.join(",", versions), rows, flagged, summary, periods, tenant, tagKeys);
    }

    private static void stageRollup(Connection c, String table, DailyRollup rollup, String tenant, String source) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE " + table + " (LIKE outlay.ledger_daily INCLUDING DEFAULTS)");
        }
        PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                "COPY pg_temp." + table + " (" + DailyRollup.COLUMNS + ") FROM STDIN", 1 << 16);
        boolean done = false;
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            rollup.write(w, tenant, source);
            w.flush();
            copy.endCopy();
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!done && copy.isActive()) copy.cancelCopy();
        }
    }

    private LoadResult replace(Connection c, String staging, String source, UUID ingestionId, Staged s) throws SQLException {
        // The scope comes from the small rollup table: every staged row has its (period, account) there too.
        String scope = "(SELECT DISTINCT billing_period, billing_account_id FROM pg_temp." + staging + "_daily)";
        // Serialise replaces of one tenant's source: two concurrent loads of the same scope would otherwise both
        // delete only what their snapshot saw and leave two copies.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(current_setting('outlay.tenant_id', true) || '/' || ?))")) {
            ps.setString(1, source);
            ps.execute();
        }
        long replaced = 0;
        Set<UUID> superseded = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "WITH d AS (DELETE FROM outlay.ledger_charge l USING " + scope + " s WHERE l.source = ? "
                        + "AND l.billing_period = s.billing_period AND l.billing_account_id = s.billing_account_id "
                        + "RETURNING l.ingestion_id) SELECT ingestion_id, count(*) FROM d GROUP BY ingestion_id")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    superseded.add(rs.getObject(1, UUID.class));
                    replaced += rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.ledger_daily d USING " + scope + " s "
                + "WHERE d.source = ? AND d.billing_period = s.billing_period AND d.billing_account_id = s.billing_account_id")) {
            ps.setString(1, source);
            ps.executeUpdate();
        }
        long inserted;
        try (Statement st = c.createStatement()) {
            inserted = st.executeUpdate("INSERT INTO outlay.ledger_charge (" + CopyEncoder.COLUMNS + ") SELECT "
                    + CopyEncoder.COLUMNS + " FROM pg_temp." + staging);
            st.executeUpdate("INSERT INTO outlay.ledger_daily (" + DailyRollup.COLUMNS + ") SELECT " + DailyRollup.COLUMNS
                    + " FROM pg_temp." + staging + "_daily");
        }
        s.tagKeys.replace(c, s.tenant, source);
        superseded.remove(ingestionId);
        if (!superseded.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outlay.ingestion SET superseded_by = ? WHERE id = ANY (?)")) {
                ps.setObject(1, ingestionId);
                Array ids = c.createArrayOf("uuid", superseded.toArray());
                ps.setArray(2, ids);
                ps.executeUpdate();
            }
        }
        List<String> periods = new ArrayList<>();
        for (LocalDate p : s.periods) periods.add(p.toString().substring(0, 7));
        return new LoadResult(s.schemaVersion, s.rows, inserted, s.flagged, replaced, s.flags, periods, superseded, Map.of());
    }
}
