/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-setup path: a real server in the data dir with password authentication and generated passwords, the
 * owner and runtime roles provisioned, data kept across restarts, and a data dir of an older version upgraded.
 */
class EmbeddedDatabaseTest {

    @Test
    void startsWithPasswordsProvisionsBothRolesAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path pgDir = dir.resolve("pg");
        Path credentialsFile = DatabaseCredentials.fileFor(dir);
        DatabaseCredentials creds;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir)) {
            creds = db.credentials();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile)));
            assertEquals(creds, DatabaseCredentials.read(credentialsFile));
            assertRefusesWithoutPassword(db.jdbcUrl());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.RUNTIME, creds.runtimePassword());
                 Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                    rs.next();
                    assertFalse(rs.getBoolean(1), "service role must not be superuser");
                    assertFalse(rs.getBoolean(2), "service role must not bypass RLS");
                }
                assertEquals(List.of(), RuntimeRoleCheck.problems(c));
                SQLException create = assertThrows(SQLException.class, () -> st.execute("CREATE TABLE public.kept (v int)"));
                assertEquals("42501", create.getSQLState(), "the runtime role may not create tables");
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.OWNER, creds.ownerPassword());
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v int)");
                st.execute("INSERT INTO kept VALUES (42)");
            }
        }
        assertTrue(Files.isRegularFile(pgDir.resolve("PG_VERSION")));
        assertFalse(Files.readString(pgDir.resolve("pg_hba.conf")).lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust")));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.OWNER, creds.ownerPassword());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertEquals(creds, db.credentials(), "the passwords are generated once");
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    /** A data dir as versions before the role split left it: trust authentication, the runtime role owning everything. */
    @Test
    void upgradesAnOlderDataDirectoryInPlace(@TempDir Path dir) throws Exception {
        Path pgDir = dir.resolve("pg");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("pg-runtime").toFile()).start()) {
            try (Connection su = old.getPostgresDatabase().getConnection(); Statement st = su.createStatement()) {
                st.execute("CREATE ROLE outlay_app LOGIN PASSWORD 'outlay_app' NOSUPERUSER NOBYPASSRLS NOCREATEROLE");
                st.execute("CREATE DATABASE outlay OWNER outlay_app");
            }
            try (Connection c = DriverManager.getConnection(old.getJdbcUrl("outlay_app", "outlay"), "outlay_app", "outlay_app");
                 Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA outlay");
                st.execute("CREATE TABLE outlay.audit_entry (id int)");
                st.execute("INSERT INTO outlay.audit_entry VALUES (7)");
                st.execute("CREATE TABLE public.process_instances (id text)");
            }
        }
        assertFalse(Files.exists(DatabaseCredentials.fileFor(dir)));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir)) {
            DatabaseCredentials creds = db.credentials();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(DatabaseCredentials.fileFor(dir))));
            assertRefusesWithoutPassword(db.jdbcUrl());
            SQLException oldPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.RUNTIME, "outlay_app").close());
            assertEquals("28P01", oldPassword.getSQLState(), "the old fixed password no longer works");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.RUNTIME, creds.runtimePassword())) {
                assertEquals(List.of(), RuntimeRoleCheck.problems(c), "the runtime role owns nothing after the upgrade");
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.OWNER, creds.ownerPassword());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT v.id, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'outlay') "
                         + "FROM outlay.audit_entry v")) {
                rs.next();
                assertEquals(7, rs.getInt(1), "the data survived");
                assertEquals(DatabaseRoles.OWNER, rs.getString(2));
            }
        }
    }

    private static void assertRefusesWithoutPassword(String url) {
        for (String role : List.of(DatabaseRoles.RUNTIME, DatabaseRoles.OWNER, "postgres")) {
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, null).close(),
                    role + " connected without a password");
            assertTrue(e.getMessage().contains("password"), e.getMessage());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, "wrong").close(), role + " with a wrong password");
        }
    }
}
