/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row-level security coverage read from the catalog as the service's own role: every table of schema outlay with a
 * tenant_id column, whether RLS is enabled and forced and a policy compares tenant_id with the session's tenant.
 * Partitions are not listed one by one (which months exist is installation state, shared by all tenants): their
 * parent says whether every partition is enforced too, since PostgreSQL applies a partition's own policies when it
 * is queried directly.
 */
@ApplicationScoped
public class RlsCoverage {

    /** Tables that carry a tenant id but belong to the installation, deliberately outside RLS, with the reason. */
    static final Map<String, String> GLOBAL = Map.of(
            "tenant", "the registry of tenants itself",
            "tenant_tombstone", "minimal record that a tenant existed and was deleted",
            "tenant_deletion", "pending deletions, scanned across tenants by the purge job",
            "work_claim", "claims of background work items (kind, item id, owner instance; no tenant data), read across tenants by "
                    + "every instance to recover a lost instance's work; the items themselves stay under RLS");

    public record Table(String table, boolean rlsEnabled, boolean rlsForced, boolean tenantPolicy, List<String> policies,
                        Boolean partitionsEnforced, boolean enforced) {
    }

    public record GlobalTable(String table, String reason) {
    }

    public record ServiceRole(boolean superuser, boolean bypassRls) {
    }

    public record Report(int tenantTables, int enforcedTables, List<String> gaps, ServiceRole serviceRole, List<Table> tables,
                         List<GlobalTable> globalTables) {
        public boolean complete() {
            return gaps.isEmpty() && !serviceRole.superuser() && !serviceRole.bypassRls();
        }
    }

    private static final String TABLES = """
            SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity, cl.relkind = 'p',
                   EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'outlay' AND p.tablename = cl.relname
                           AND p.qual LIKE '%outlay.tenant_id%' AND p.with_check LIKE '%outlay.tenant_id%'),
                   COALESCE((SELECT string_agg(p.policyname, ',' ORDER BY p.policyname) FROM pg_policies p
                             WHERE p.schemaname = 'outlay' AND p.tablename = cl.relname), ''),
                   CASE WHEN cl.relkind = 'p' THEN NOT EXISTS (
                       SELECT 1 FROM pg_inherits i JOIN pg_class part ON part.oid = i.inhrelid
                       WHERE i.inhparent = cl.oid AND NOT (part.relrowsecurity AND part.relforcerowsecurity
                           AND EXISTS (SELECT 1 FROM pg_policy pp WHERE pp.polrelid = part.oid))) END
            FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
            WHERE n.nspname = 'outlay' AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            ORDER BY cl.relname""";

    @Inject
    AgroalDataSource dataSource;

    public Report read() {
        List<Table> tables = new ArrayList<>();
        List<GlobalTable> global = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (GLOBAL.containsKey(name)) {
                        global.add(new GlobalTable(name, GLOBAL.get(name)));
                        continue;
                    }
                    Boolean partitions = rs.getBoolean(4) ? rs.getBoolean(7) : null;
                    boolean enforced = rs.getBoolean(2) && rs.getBoolean(3) && rs.getBoolean(5) && !Boolean.FALSE.equals(partitions);
                    String policies = rs.getString(6);
                    tables.add(new Table(name, rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(5),
                            policies.isEmpty() ? List.of() : List.of(policies.split(",")), partitions, enforced));
                    if (!enforced) gaps.add(name);
                }
            }
            ServiceRole role;
            try (PreparedStatement ps = c.prepareStatement("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
                 ResultSet rs = ps.executeQuery()) {
                role = rs.next() ? new ServiceRole(rs.getBoolean(1), rs.getBoolean(2)) : new ServiceRole(true, true);
            }
            return new Report(tables.size(), tables.size() - gaps.size(), List.copyOf(gaps), role, List.copyOf(tables), List.copyOf(global));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read row-level security coverage from the catalog", e);
        }
    }
}
