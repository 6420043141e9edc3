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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A real PostgreSQL server (zonky binaries) for the zero-setup run and for tests on machines without a server.
 * Every role logs in with a password (SCRAM), generated on the first start and kept in
 * {@link DatabaseCredentials#fileFor the data dir}; the service gets the runtime role for its pools and the owner
 * role for migrations ({@link DatabaseRoles}). A data directory from before the role split (runtime role owning
 * the tables, trust authentication) is upgraded in place on start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String APP_DATABASE = "outlay";

    /** Written over initdb's file: no trust, every connection (socket or loopback TCP) authenticates with SCRAM. */
    static final String PG_HBA = """
            # Written by Outlay (EmbeddedDatabase): every connection authenticates with a password (SCRAM).
            # The passwords are in $OUTLAY_DATA_DIR/keys/database.properties.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /** True when the user pointed Outlay at a database of their own through the usual Quarkus properties. */
    public static boolean datasourceConfigured() {
        return System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || configFileDefines(Path.of("config", "application.properties"))
                || configFileDefines(Path.of(".env"));
    }

    private static boolean configFileDefines(Path file) {
        try {
            return Files.isRegularFile(file) && Files.readAllLines(file).stream()
                    .map(String::trim)
                    .anyMatch(l -> l.startsWith("quarkus.datasource.jdbc.url") || l.startsWith("QUARKUS_DATASOURCE_JDBC_URL"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code dataDir} is the PostgreSQL data directory, {@code $OUTLAY_DATA_DIR/pg}. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path outlayDir = dataDir.toAbsolutePath().getParent();
        Path credentialsFile = DatabaseCredentials.fileFor(outlayDir);
        Path pwFile = outlayDir.resolve(".pg-initdb-pwfile");
        try {
            StalePostmaster.stopIfRunning(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            if (!fresh && !DatabaseCredentials.exist(credentialsFile) && !trustsConnections(dataDir)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " requires passwords, but "
                        + credentialsFile + " (where Outlay keeps them) is missing. Restore that file from a backup.");
            }
            DatabaseCredentials creds = DatabaseCredentials.readOrCreate(credentialsFile);
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(outlayDir.resolve("pg-runtime").toFile())
                    // zonky's own readiness check and getPostgresDatabase() log in as the superuser.
                    .setConnectConfig("password", creds.superuserPassword());
            if (fresh) {
                // zonky runs initdb with "-A trust"; its "locale" options are appended as --key=value, and initdb
                // takes the last --auth it is given, so the cluster is born with SCRAM and a superuser password.
                DatabaseCredentials.writeSecretFile(pwFile, creds.superuserPassword());
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwFile.toString());
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } finally {
                Files.deleteIfExists(pwFile);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(pg, creds);
            db.provision();
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the Outlay database: " + e.getMessage(), e);
        }
    }

    /**
     * Roles, passwords, database and ownership, then password authentication. Idempotent; on a data directory
     * of an older version it is the upgrade: passwords set while it still trusts, the runtime role's objects
     * handed to the owner, and pg_hba.conf switched to SCRAM and reloaded last.
     */
    private void provision() throws SQLException, IOException {
        try (Connection su = superuser("postgres"); Statement st = su.createStatement()) {
            st.execute("ALTER ROLE postgres PASSWORD '" + credentials.superuserPassword().replace("'", "''") + "'");
            DatabaseRoles.provision(su, APP_DATABASE, credentials.ownerPassword(), credentials.runtimePassword());
        }
        try (Connection su = superuser(APP_DATABASE)) {
            DatabaseRoles.takeOverOwnership(su);
        }
        Path hba = dataDirectory().resolve("pg_hba.conf");
        if (!PG_HBA.equals(Files.exists(hba) ? Files.readString(hba, StandardCharsets.UTF_8) : "")) {
            Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            try (Connection su = superuser("postgres"); Statement st = su.createStatement()) {
                st.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static boolean trustsConnections(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && Files.readAllLines(hba).stream()
                .map(String::trim)
                .filter(l -> !l.startsWith("#"))
                .anyMatch(l -> l.endsWith("trust"));
    }

    private Path dataDirectory() {
        try (Connection su = superuser("postgres"); Statement st = su.createStatement();
             var rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection superuser(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", credentials.superuserPassword());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, p);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
    }

    public DatabaseCredentials credentials() {
        return credentials;
    }

    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                // The embedded Kogito jobs service (durable timers) uses the reactive client: same database, own URL.
                "quarkus.datasource.reactive.url", jdbcUrl().substring("jdbc:".length()),
                "quarkus.datasource.username", DatabaseRoles.RUNTIME,
                "quarkus.datasource.password", credentials.runtimePassword(),
                // Migrations (Outlay's and KIE's) run as the owner.
                "quarkus.flyway.username", DatabaseRoles.OWNER,
                "quarkus.flyway.password", credentials.ownerPassword());
    }

    public void exportAsQuarkusConfig() {
        quarkusConfig().forEach(System::setProperty);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
