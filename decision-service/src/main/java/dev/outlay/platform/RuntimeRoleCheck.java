/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the role a connection runs as against what the service's runtime role must be: not superuser, not
 * BYPASSRLS (either ignores row-level security), not CREATEROLE (it could grant itself the owner role), not the
 * owner of, nor a member of the owner of, the database, schema outlay or public, or any table, view or sequence
 * in them (an owner can disable row-level security and the append-only triggers). Pure catalog reads.
 */
public final class RuntimeRoleCheck {

    private RuntimeRoleCheck() {
    }

    /** The reasons the connection's role is unfit to be the runtime role; empty when it is fit. */
    public static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        String role;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, rolsuper, rolbypassrls, rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            rs.next();
            role = rs.getString(1);
            if (rs.getBoolean(2)) problems.add("it is a superuser");
            if (rs.getBoolean(3)) problems.add("it has BYPASSRLS");
            if (rs.getBoolean(4)) problems.add("it has CREATEROLE");
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT 'database ' || d.datname, pg_catalog.pg_get_userbyid(d.datdba)
                FROM pg_catalog.pg_database d
                WHERE d.datname = pg_catalog.current_database() AND pg_catalog.pg_has_role(d.datdba, 'MEMBER')
                UNION ALL
                SELECT 'schema ' || n.nspname, pg_catalog.pg_get_userbyid(n.nspowner)
                FROM pg_catalog.pg_namespace n
                WHERE n.nspname IN ('outlay', 'public') AND pg_catalog.pg_has_role(n.nspowner, 'MEMBER')
                UNION ALL
                (SELECT CASE c.relkind WHEN 'S' THEN 'sequence ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' WHEN 'f' THEN 'foreign table ' ELSE 'table ' END
                        || n.nspname || '.' || c.relname, pg_catalog.pg_get_userbyid(c.relowner)
                 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('outlay', 'public') AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                   AND pg_catalog.pg_has_role(c.relowner, 'MEMBER')
                 ORDER BY 1 LIMIT 20)""")) {
            while (rs.next()) {
                String owner = rs.getString(2);
                problems.add(owner.equals(role) ? "it owns " + rs.getString(1) : "it is a member of " + owner + ", which owns " + rs.getString(1));
            }
        }
        return problems;
    }

    /** Throws with every reason at once when the connection's role is unfit. */
    public static void requireFit(Connection c) throws SQLException {
        List<String> problems = problems(c);
        if (problems.isEmpty()) return;
        String role;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            role = rs.getString(1);
        }
        throw new UnfitRuntimeRole("Outlay refuses to run: its database role \"" + role + "\" (quarkus.datasource.username) "
                + "must own nothing and bypass no row-level security, but " + String.join("; ", problems)
                + ". Run migrations as a separate owner role (quarkus.flyway.username/password) and move the objects to it: "
                + "see docs/runbooks/database-roles.md.");
    }

    /** The runtime role could switch off the protections the service relies on. */
    public static final class UnfitRuntimeRole extends RuntimeException {
        public UnfitRuntimeRole(String message) {
            super(message);
        }
    }
}
