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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two database roles of an installation. The owner runs the migrations and so owns schema {@code outlay},
 * Kogito's tables in {@code public} and every function; the runtime role is what the service's pools connect as
 * and owns nothing, so it can neither switch row-level security or the append-only triggers off nor drop a
 * policy. Provisioning needs a superuser connection (the embedded server, the test server); operators of their
 * own PostgreSQL follow docs/runbooks/database-roles.md instead.
 */
public final class DatabaseRoles {

    public static final String OWNER = "outlay_owner";
    public static final String RUNTIME = "outlay_app";

    private DatabaseRoles() {
    }

    /**
     * Creates (or corrects) both login roles and the database, owned by the owner role. Idempotent. The runtime
     * role is stripped of every attribute that would let it get around row-level security or become the owner.
     */
    public static void provision(Connection superuser, String database, String ownerPassword, String runtimePassword) throws SQLException {
        ensureRole(superuser, OWNER, ownerPassword);
        ensureRole(superuser, RUNTIME, runtimePassword);
        try (Statement st = superuser.createStatement()) {
            st.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                    + "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = '" + OWNER + "' AND u.rolname = '" + RUNTIME + "') THEN "
                    + "REVOKE " + OWNER + " FROM " + RUNTIME + "; END IF; END $$");
            String owner;
            try (PreparedStatement ps = superuser.prepareStatement(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    owner = rs.next() ? rs.getString(1) : null;
                }
            }
            if (owner == null) {
                st.execute("CREATE DATABASE " + quote(database) + " OWNER " + OWNER);
            } else if (!owner.equals(OWNER)) {
                st.execute("ALTER DATABASE " + quote(database) + " OWNER TO " + OWNER);
            }
        }
    }

    /**
     * In the Outlay database, as superuser: hands everything the runtime role still owns (an installation from
     * before the role split ran its migrations as that role) to the owner, and closes schema public to object
     * creation by everyone (PostgreSQL before 15 allows it). REASSIGN OWNED also moves the runtime role's
     * databases in the whole cluster, so this is only for a cluster that serves Outlay alone (the embedded one).
     */
    public static void takeOverOwnership(Connection superuserInAppDatabase) throws SQLException {
        try (Statement st = superuserInAppDatabase.createStatement()) {
            st.execute("REASSIGN OWNED BY " + RUNTIME + " TO " + OWNER);
        }
        closePublicSchema(superuserInAppDatabase);
    }

    /** As superuser in the Outlay database: only the owner may create objects in schema public. */
    public static void closePublicSchema(Connection superuserInAppDatabase) throws SQLException {
        try (Statement st = superuserInAppDatabase.createStatement()) {
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            st.execute("GRANT CREATE, USAGE ON SCHEMA public TO " + OWNER);
        }
    }

    private static void ensureRole(Connection superuser, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = superuser.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        String attributes = " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOREPLICATION"
                + (password == null ? "" : " PASSWORD " + literal(password));
        try (Statement st = superuser.createStatement()) {
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + attributes);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
