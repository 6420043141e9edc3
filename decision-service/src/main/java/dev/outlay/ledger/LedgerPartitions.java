package dev.outlay.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Creates the monthly partitions of {@code outlay.ledger_charge} on demand, each with the same row-level
 * security policy as the parent (a query naming the partition directly must be as isolated as one through
 * the parent). Partitions are shared by all tenants. Each creation is its own short transaction under an
 * advisory lock, so concurrent loads do not race. The table is created on its own and then attached:
 * {@code CREATE TABLE .. PARTITION OF} needs an exclusive lock on the parent and so would wait for every load
 * still inserting (and make every reader queue behind it), while {@code ATTACH PARTITION} takes a lock that
 * inserts and reads do not conflict with.
 */
final class LedgerPartitions {

    private static final long LOCK_KEY = 0x6f75746c61790001L; // "outlay" + 1

    /** The tenant predicate as a one-time sub-select: evaluated once per statement, not once per row. */
    static final String TENANT_MATCH = "tenant_id = (SELECT current_setting('outlay.tenant_id', true))";

    private LedgerPartitions() {
    }

    static String name(LocalDate month) {
        return String.format("ledger_charge_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    /** Requires autocommit off on {@code c}; commits after each created partition. */
    static void ensure(Connection c, Collection<LocalDate> months) throws SQLException {
        for (LocalDate m : months) {
            String name = name(m);
            if (exists(c, name)) {
                c.commit();
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                // Re-check under the lock with a fresh statement snapshot of pg_class (not the relation cache).
                if (!exists(c, name)) {
                    String table = "outlay." + name;
                    LocalDate from = m.withDayOfMonth(1);
                    st.execute("CREATE TABLE " + table + " (LIKE outlay.ledger_charge INCLUDING DEFAULTS)");
                    st.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
                    st.execute("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
                    st.execute("CREATE POLICY tenant_isolation ON " + table + " USING (" + TENANT_MATCH + ") WITH CHECK ("
                            + TENANT_MATCH + ")");
                    // The CHECK lets ATTACH skip its validation scan; it is redundant once attached.
                    st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + "_bound CHECK (billing_period >= '" + from
                            + "' AND billing_period < '" + from.plusMonths(1) + "')");
                    st.execute("ALTER TABLE outlay.ledger_charge ATTACH PARTITION " + table + " FOR VALUES FROM ('"
                            + from + "') TO ('" + from.plusMonths(1) + "')");
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!"42P07".equals(e.getSQLState())) throw e; // duplicate_table: a concurrent load won the race
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class r "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'outlay' AND r.relname = ?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
