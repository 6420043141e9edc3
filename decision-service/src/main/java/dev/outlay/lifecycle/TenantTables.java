/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant-owned tables, discovered from the catalog (every table in schema outlay with a tenant_id column),
 * so export and delete cover tables added by later migrations without a list to keep up to date.
 */
final class TenantTables {

    /** Global tables that carry a tenant id but belong to the installation, not to the tenant. */
    static final Set<String> GLOBAL = Set.of("tenant_deletion", "tenant_tombstone");

    /**
     * Columns an export leaves out. Sealed credentials are useless without the installation's key and are not the
     * tenant's data to carry elsewhere; the connection's settings are exported, its secret must be entered again (so is an SSO client secret).
     */
    static final Map<String, Set<String>> NOT_EXPORTED = Map.of("connection", Set.of("sealed_secret"), "integration", Set.of("sealed_secret", "sealed_inbound_secret"),
            "tenant_sso", Set.of("client_secret_sealed"));

    private TenantTables() {
    }

    /** The select list of a table for export: every column but those in {@link #NOT_EXPORTED}. */
    static String exportColumns(Connection c, String table) throws SQLException {
        Set<String> skip = NOT_EXPORTED.getOrDefault(table, Set.of());
        if (skip.isEmpty()) return "*";
        List<String> columns = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = 'outlay' AND cl.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (!skip.contains(rs.getString(1))) columns.add('"' + rs.getString(1) + '"');
            }
        }
        return String.join(", ", columns);
    }

    /** Tables in an order safe for deletion: referencing tables before the tables they reference. */
    static List<String> deletionOrder(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT cl.relname FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = 'outlay' AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                ORDER BY cl.relname""")) {
            while (rs.next()) if (!GLOBAL.contains(rs.getString(1))) tables.add(rs.getString(1));
        }
        Map<String, Set<String>> referencedBy = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT src.relname, dst.relname FROM pg_constraint k
                JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = src.relnamespace
                WHERE k.contype = 'f' AND n.nspname = 'outlay'""")) {
            while (rs.next()) referencedBy.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(1));
        }
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (String t : tables) visit(t, tables, referencedBy, ordered, new HashSet<>());
        return new ArrayList<>(ordered);
    }

    private static void visit(String table, List<String> tables, Map<String, Set<String>> referencedBy,
                              LinkedHashSet<String> out, Set<String> path) {
        if (out.contains(table) || !path.add(table)) return;
        for (String child : referencedBy.getOrDefault(table, Set.of())) {
            if (tables.contains(child) && !child.equals(table)) visit(child, tables, referencedBy, out, path);
        }
        out.add(table);
    }
}
