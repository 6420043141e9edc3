/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails when a migration adds a tenant-owned table (one with tenant_id) without enforced row-level security.
 * Partitions count too: PostgreSQL applies only the partition's own policies when it is queried directly.
 */
@QuarkusTest
class RowLevelSecurityCoverageTest {

    /** Global tables that are deliberately outside RLS, with the reason. */
    static final List<String> GLOBAL_TABLES = List.of(
            "tenant",            // the registry of tenants itself
            "tenant_tombstone",  // minimal record that a tenant existed and was deleted
            "tenant_deletion",  // pending deletions, scanned across tenants by the purge job
            "work_claim");      // cluster claims (ids and owners only), recovered across tenants by any instance

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void everyTenantOwnedTableHasAnEnforcedPolicy() throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                            EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'outlay' AND p.tablename = cl.relname
                                    AND p.qual LIKE '%outlay.tenant_id%' AND p.with_check LIKE '%outlay.tenant_id%') AS has_policy
                     FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                     WHERE n.nspname = 'outlay' AND cl.relkind IN ('r', 'p')
                       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                     ORDER BY cl.relname""")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (GLOBAL_TABLES.contains(table)) continue;
                checked.add(table);
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
                    missing.add(table + " (enabled=" + rs.getBoolean(2) + ", forced=" + rs.getBoolean(3) + ", policy=" + rs.getBoolean(4) + ")");
                }
            }
        }
        assertFalse(checked.isEmpty(), "no tenant-owned tables found; is the schema migrated?");
        assertTrue(missing.isEmpty(), "tenant-owned tables without enforced row-level security: " + missing);
    }
}
