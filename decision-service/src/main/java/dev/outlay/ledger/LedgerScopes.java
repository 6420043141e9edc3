/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of a table keyed by (source, billing period, billing account) that belong to some scopes: the unit
 * a newer export replaces and a retraction removes. One statement for any number of scopes.
 */
public final class LedgerScopes {

    /** One (billing period, billing account) pair of a source. */
    public record Scope(LocalDate period, String account) implements Comparable<Scope> {
        @Override
        public int compareTo(Scope o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : account.compareTo(o.account);
        }
    }

    private LedgerScopes() {
    }

    static int delete(Connection c, String table, String source, Collection<Scope> scopes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " d USING " + UNNEST
                + " WHERE d.source = ? AND d.billing_period = s.billing_period AND d.billing_account_id = s.billing_account_id")) {
            bind(c, ps, 1, scopes);
            ps.setString(3, source);
            return ps.executeUpdate();
        }
    }

    /** The scopes as a relation {@code s(billing_period, billing_account_id)}; its two parameters are set by {@link #bind}. */
    static final String UNNEST = "unnest(?::date[], ?::text[]) s(billing_period, billing_account_id)";

    /** Sets the two array parameters of {@link #UNNEST}, starting at parameter {@code first}. */
    static void bind(Connection c, PreparedStatement ps, int first, Collection<Scope> scopes) throws SQLException {
        Object[] periods = new Object[scopes.size()];
        Object[] accounts = new Object[scopes.size()];
        int i = 0;
        for (Scope s : scopes) {
            periods[i] = Date.valueOf(s.period());
            accounts[i++] = s.account();
        }
        ps.setArray(first, c.createArrayOf("date", periods));
        ps.setArray(first + 1, c.createArrayOf("text", accounts));
    }

    /** The ledger rows of a source in these scopes per billing period and currency (row-level security applies). */
    public static List<PeriodTotal> totals(Connection c, String source, Collection<Scope> scopes) throws SQLException {
        if (scopes.isEmpty()) return List.of();
        List<PeriodTotal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT to_char(l.billing_period, 'YYYY-MM'), l.billing_currency, count(*), "
                + "sum(l.billed_cost), sum(l.effective_cost) FROM outlay.ledger_charge l JOIN " + UNNEST
                + " ON l.billing_period = s.billing_period AND l.billing_account_id = s.billing_account_id WHERE l.source = ? "
                + "GROUP BY 1, 2 ORDER BY 1, 2")) {
            bind(c, ps, 1, scopes);
            ps.setString(3, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PeriodTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        return out;
    }

    /** @param periods {@code java.sql.Date} billing periods, pairwise with {@code accounts} */
    static int delete(Connection c, String table, String source, Object[] periods, Object[] accounts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " d USING " + UNNEST
                + " WHERE d.source = ? AND d.billing_period = s.billing_period AND d.billing_account_id = s.billing_account_id")) {
            ps.setArray(1, c.createArrayOf("date", periods));
            ps.setArray(2, c.createArrayOf("text", accounts));
            ps.setString(3, source);
            return ps.executeUpdate();
        }
    }
}
