package dev.outlay.budgets;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Stands in for the ledger's daily rollup (built on another branch): creates {@code outlay.cost_daily} with the
 * columns {@link LedgerActualSpend} reads, tenant-owned and row-level secured, and fills it as the superuser.
 */
public final class LedgerFixture {

    private LedgerFixture() {
    }

    /** {@code perDay} for each of the {@code days} days before today, for one team of one tenant. */
    public static synchronized void dailySpend(String tenant, String team, int perDay, int days) {
        String url = ConfigProvider.getConfig().getValue("test.superuser-url", String.class);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS outlay.cost_daily (tenant_id text NOT NULL, day date NOT NULL, team text, product text,
                        environment text, cost_centre text, account text, amount numeric(18,2) NOT NULL)""");
            st.execute("ALTER TABLE outlay.cost_daily ENABLE ROW LEVEL SECURITY");
            st.execute("ALTER TABLE outlay.cost_daily FORCE ROW LEVEL SECURITY");
            st.execute("DROP POLICY IF EXISTS tenant_isolation ON outlay.cost_daily");
            st.execute("CREATE POLICY tenant_isolation ON outlay.cost_daily USING (tenant_id = current_setting('outlay.tenant_id', true))");
            st.execute("GRANT SELECT ON outlay.cost_daily TO outlay_app");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.cost_daily (tenant_id, day, team, amount) VALUES (?,?,?,?)")) {
                for (int i = 1; i <= days; i++) {
                    ps.setString(1, tenant);
                    ps.setObject(2, LocalDate.now().minusDays(i));
                    ps.setString(3, team);
                    ps.setInt(4, perDay);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare ledger fixture", e);
        }
    }
}
