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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Creates the monthly partitions of {@code outlay.ledger_charge} on demand. The service's role owns no table and so
 * may not create one: the owner-defined function {@code outlay.create_ledger_partition} (V79) creates the month's
 * table with the parent's row-level security policy and attaches it, under an advisory lock so concurrent loads do
 * not race. The table is created on its own and then attached: {@code CREATE TABLE .. PARTITION OF} needs an
 * exclusive lock on the parent and so would wait for every load still inserting (and make every reader queue
 * behind it), while {@code ATTACH PARTITION} takes a lock that inserts and reads do not conflict with. Partitions
 * are shared by all tenants; each creation is its own short transaction.
 */
final class LedgerPartitions {

    private LedgerPartitions() {
    }

    static String name(LocalDate month) {
        return String.format("ledger_charge_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    /** Requires autocommit off on {@code c}; commits after each month. */
    static void ensure(Connection c, Collection<LocalDate> months) throws SQLException {
        for (LocalDate m : months) {
            if (exists(c, name(m))) {
                c.commit();
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT outlay.create_ledger_partition(?)")) {
                ps.setObject(1, m.withDayOfMonth(1));
                ps.execute();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!"42P07".equals(e.getSQLState())) throw e; // duplicate_table: a concurrent load won the race
            }
        }
    }

    /** Fresh planner statistics for a month after a large load (ANALYZE is the owner's: a function of V79). */
    static void analyze(Connection c, LocalDate month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT outlay.analyze_ledger_partition(?)")) {
            ps.setObject(1, month.withDayOfMonth(1));
            ps.execute();
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
