/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import dev.outlay.platform.DatabaseRoles;
import dev.outlay.platform.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Tests run against a real PostgreSQL: the machine's server on 127.0.0.1:5432 when it answers (a fresh
 * database per run, owned by the owner role, dropped afterwards), otherwise an embedded server under target/.
 * Either way the service connects as the runtime role and migrates as the owner role, as in production.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** The machine's server trusts local connections; the roles are shared by every run, so their passwords are fixed. */
    static final String LOCAL_OWNER_PASSWORD = "outlay_owner";
    static final String LOCAL_RUNTIME_PASSWORD = "outlay_app";

    private EmbeddedDatabase embedded;
    private String createdDatabase;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (localServerAnswers()) {
            createdDatabase = "outlay_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
            try (Connection c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "")) {
                DatabaseRoles.provision(c, createdDatabase, LOCAL_OWNER_PASSWORD, LOCAL_RUNTIME_PASSWORD);
            } catch (SQLException e) {
                throw new IllegalStateException("local PostgreSQL answered but could not be provisioned", e);
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + createdDatabase, "postgres", "")) {
                DatabaseRoles.closePublicSchema(c);
            } catch (SQLException e) {
                throw new IllegalStateException("could not close schema public of " + createdDatabase, e);
            }
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + createdDatabase);
            config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + createdDatabase);
            config.put("quarkus.datasource.username", DatabaseRoles.RUNTIME);
            config.put("quarkus.datasource.password", LOCAL_RUNTIME_PASSWORD);
            config.put("quarkus.flyway.username", DatabaseRoles.OWNER);
            config.put("quarkus.flyway.password", LOCAL_OWNER_PASSWORD);
        } else {
            try {
                Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "embedded-pg-");
                embedded = EmbeddedDatabase.start(dir.resolve("pg"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            config.putAll(embedded.quarkusConfig());
        }
        config.put("test.superuser-url", superuserUrl());
        return config;
    }

    private String superuserUrl() {
        return createdDatabase != null
                ? "jdbc:postgresql://127.0.0.1:5432/" + createdDatabase + "?user=postgres"
                : embedded.jdbcUrl() + "?user=postgres&password=" + embedded.credentials().superuserPassword();
    }

    static boolean localServerAnswers() {
        if (Boolean.getBoolean("outlay.test.embedded")) return false;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (embedded != null) embedded.close();
        if (createdDatabase != null) {
            try (Connection c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + createdDatabase + ": " + e.getMessage());
            }
        }
    }
}
