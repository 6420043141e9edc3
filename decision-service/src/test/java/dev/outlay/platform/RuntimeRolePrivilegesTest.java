/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's own database role (the pool's connections) cannot switch off what isolates tenants and keeps the
 * audit trail append-only: it owns nothing, so it cannot alter, disable or drop; and a session setting no longer
 * opens the append-only tables to deletes, only the owner's purge functions do.
 */
@QuarkusTest
class RuntimeRolePrivilegesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void theRuntimeRoleCannotAlterDisableOrDropProtections() {
        for (String ddl : List.of(
                "ALTER TABLE outlay.audit_entry DISABLE ROW LEVEL SECURITY",
                "ALTER TABLE outlay.audit_entry NO FORCE ROW LEVEL SECURITY",
                "ALTER TABLE outlay.audit_entry DISABLE TRIGGER audit_entry_append_only",
                "ALTER TABLE outlay.audit_entry DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_entry_append_only ON outlay.audit_entry",
                "DROP POLICY tenant_isolation ON outlay.audit_entry",
                "ALTER POLICY tenant_isolation ON outlay.ledger_charge USING (true)",
                "CREATE OR REPLACE FUNCTION outlay.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
                "TRUNCATE outlay.decision_log",
                "CREATE TABLE outlay.probe (a int)",
                "CREATE TABLE public.probe (a int)",
                "DELETE FROM outlay.flyway_schema_history")) {
            SQLException e = assertThrows(SQLException.class, () -> exec(ddl), "the runtime role may not: " + ddl);
            assertTrue(List.of("42501", "42P01").contains(e.getSQLState()) || e.getMessage().contains("must be owner"),
                    ddl + " failed for another reason: " + e.getSQLState() + " " + e.getMessage());
        }
    }

    @Test
    void sessionPurgeSwitchesNoLongerOpenTheAppendOnlyTables() throws SQLException {
        String tenant = "roles-probe";
        TenantContext.runAs(TenantContext.system(tenant), () -> {
            audit.record("probe", "probe", "p-1", null, Map.of("n", 1));
        });
        insertDecisionLog(tenant);
        for (String setting : List.of("outlay.tenant_purge", "outlay.audit_purge", "outlay.retention_purge", "outlay.purge")) {
            for (String value : List.of("on", "tenant", "retention")) {
                as(tenant, () -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT set_config('" + setting + "', '" + value + "', true)");
                            SQLException audit = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM outlay.audit_entry"));
                            assertRefused(audit);
                        }
                        c.rollback();
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT set_config('" + setting + "', '" + value + "', true)");
                            SQLException log = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM outlay.decision_log"));
                            assertRefused(log);
                        }
                        c.rollback();
                    }
                    return null;
                });
            }
        }
        assertEquals(1, count("SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = '" + tenant + "'"));
        assertEquals(1, count("SELECT count(*) FROM outlay.decision_log WHERE tenant_id = '" + tenant + "'"));
    }

    @Test
    void thePurgeFunctionsActOnlyForTheBoundTenantAndOnlyWhenDue() throws SQLException {
        String tenant = "roles-purge-probe";
        TenantContext.runAs(TenantContext.system(tenant), () -> {
            audit.record("probe", "probe", "p-1", null, Map.of("n", 1));
        });
        // Bound to another tenant: refused.
        SQLException foreign = as("someone-else",
                () -> assertThrows(SQLException.class, () -> query("SELECT outlay.purge_tenant('" + tenant + "')::text")));
        assertTrue(foreign.getMessage().contains("not bound"), foreign.getMessage());
        // Bound, but no confirmed deletion is due: nothing happens.
        as(tenant, () -> {
            assertNull(query("SELECT outlay.purge_tenant('" + tenant + "')::text"));
            SQLException window = assertThrows(SQLException.class, () -> query("SELECT outlay.purge_decision_log('" + tenant + "', 0)::text"));
            assertTrue(window.getMessage().contains("must be positive"), window.getMessage());
            return null;
        });
        assertEquals(1, count("SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = '" + tenant + "'"));
    }

    @Test
    void theOwnerRoleOwnsEveryObjectOfOutlayAndKogito() throws SQLException {
        List<String> notOwned = new ArrayList<>();
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT n.nspname || '.' || c.relname || ' (' || pg_get_userbyid(c.relowner) || ')'
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname IN ('outlay', 'public') AND c.relkind IN ('r', 'p', 'v', 'S')
                       AND pg_get_userbyid(c.relowner) <> 'outlay_owner'
                     UNION ALL SELECT 'schema outlay (' || pg_get_userbyid(nspowner) || ')' FROM pg_namespace
                     WHERE nspname = 'outlay' AND pg_get_userbyid(nspowner) <> 'outlay_owner'
                     UNION ALL SELECT 'database (' || pg_get_userbyid(datdba) || ')' FROM pg_database
                     WHERE datname = current_database() AND pg_get_userbyid(datdba) <> 'outlay_owner'""")) {
            while (rs.next()) notOwned.add(rs.getString(1));
        }
        assertTrue(notOwned.isEmpty(), "objects not owned by outlay_owner: " + notOwned);
        assertTrue(count("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                + "AND c.relname IN ('process_instances', 'jbpm_user_tasks', 'job_details')") == 3, "Kogito's tables are migrated");
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), RuntimeRoleCheck.problems(c));
        }
    }

    private void insertDecisionLog(String tenant) {
        as(tenant, () -> {
            exec("INSERT INTO outlay.decision_log (id, tenant_id, rule_set, version_hash, inputs, outputs, caller, at) "
                    + "VALUES (gen_random_uuid(), '" + tenant + "', 'probe', 'h', '{}', '{}', 'probe', now())");
            return null;
        });
    }

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs JDBC work on the service's pool bound to a tenant (as a system caller of it). */
    private static <T> T as(String tenant, SqlWork<T> work) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Refused by the missing grant (V86) or, should a grant come back, by the append-only trigger. */
    static void assertRefused(SQLException e) {
        assertTrue(e.getMessage().contains("append-only") || e.getMessage().contains("permission denied"), e.getMessage());
    }
}
