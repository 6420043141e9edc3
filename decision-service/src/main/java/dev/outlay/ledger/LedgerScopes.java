package dev.outlay.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The rows of a table keyed by (source, billing period, billing account) that belong to some scopes: the unit
 * a newer export replaces and a retraction removes. One statement for any number of scopes.
 */
final class LedgerScopes {

    /** One (billing period, billing account) pair of a source. */
    record Scope(LocalDate period, String account) implements Comparable<Scope> {
        @Override
        public int compareTo(Scope o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : account.compareTo(o.account);
        }
    }

    private LedgerScopes() {
    }

    static int delete(Connection c, String table, String source, Collection<Scope> scopes) throws SQLException {
        Object[] periods = new Object[scopes.size()];
        Object[] accounts = new Object[scopes.size()];
        int i = 0;
        for (Scope s : scopes) {
            periods[i] = Date.valueOf(s.period());
            accounts[i++] = s.account();
        }
        return delete(c, table, source, periods, accounts);
    }

    /** @param periods {@code java.sql.Date} billing periods, pairwise with {@code accounts} */
    static int delete(Connection c, String table, String source, Object[] periods, Object[] accounts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " d USING unnest(?::date[], ?::text[]) "
                + "s(billing_period, billing_account_id) WHERE d.source = ? AND d.billing_period = s.billing_period "
                + "AND d.billing_account_id = s.billing_account_id")) {
            ps.setArray(1, c.createArrayOf("date", periods));
            ps.setArray(2, c.createArrayOf("text", accounts));
            ps.setString(3, source);
            return ps.executeUpdate();
        }
    }
}
