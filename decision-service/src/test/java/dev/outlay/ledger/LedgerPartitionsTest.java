/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new month's partition can be added while another load is still inserting, and is isolated like its parent. */
@QuarkusTest
class LedgerPartitionsTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void aPartitionIsAttachedWhileAnotherLoadHoldsTheLedger() throws Exception {
        LocalDate month = LocalDate.of(2031, 7, 1);
        String table = LedgerPartitions.name(month);
        try (Connection load = ds.getConnection(); Connection ddl = ds.getConnection()) {
            load.setAutoCommit(false);
            try (Statement st = load.createStatement()) {
                st.execute("LOCK TABLE outlay.ledger_charge IN ROW EXCLUSIVE MODE"); // what a running INSERT holds
            }
            ddl.setAutoCommit(false);
            try (Statement st = ddl.createStatement()) {
                st.execute("SET lock_timeout = '3s'"); // CREATE TABLE .. PARTITION OF would time out here
            }
            LedgerPartitions.ensure(ddl, List.of(month));
            ddl.setAutoCommit(true);
            load.rollback();
            try (Statement st = ddl.createStatement()) {
                st.execute("RESET lock_timeout");
                try (ResultSet rs = st.executeQuery("SELECT c.relrowsecurity, c.relforcerowsecurity, c.relispartition, "
                        + "(SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'outlay' AND p.tablename = c.relname "
                        + "AND p.qual LIKE '%outlay.tenant_id%' AND p.with_check LIKE '%outlay.tenant_id%'), "
                        + "(SELECT count(*) FROM pg_indexes i WHERE i.schemaname = 'outlay' AND i.tablename = c.relname) "
                        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'outlay' AND c.relname = '"
                        + table + "'")) {
                    assertTrue(rs.next(), table + " exists");
                    assertTrue(rs.getBoolean(1), "row-level security enabled");
                    assertTrue(rs.getBoolean(2), "row-level security forced");
                    assertTrue(rs.getBoolean(3), "attached as a partition");
                    assertEquals(1, rs.getInt(4), "tenant policy");
                    assertEquals(2, rs.getInt(5), "the parent's indexes");
                }
                // Idempotent: a second load of the month finds it.
                ddl.setAutoCommit(false);
                LedgerPartitions.ensure(ddl, List.of(month));
                ddl.setAutoCommit(true);
            }
            // Created by the owner's function: the service's role owns it no more than the parent, so cannot drop it.
            try (Statement st = ddl.createStatement()) {
                assertThrows(SQLException.class, () -> st.execute("DROP TABLE outlay." + table));
            }
            try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'outlay." + table + "'::regclass")) {
                rs.next();
                assertEquals("outlay_owner", rs.getString(1), "the partition's owner");
                st.execute("DROP TABLE outlay." + table);
            }
        }
    }
}
