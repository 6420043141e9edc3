package dev.outlay.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky binaries) for the zero-setup run and for tests on machines without a server.
 * It also provisions the application role: a non-superuser owner, so row-level security applies to the service.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String APP_DATABASE = "outlay";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.getParent().resolve("pg-runtime").toFile())
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg);
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                AppRole.provision(c, APP_DATABASE);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the Outlay database: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
    }

    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                // The embedded Kogito jobs service (durable timers) uses the reactive client: same database, own URL.
                "quarkus.datasource.reactive.url", jdbcUrl().substring("jdbc:".length()),
                "quarkus.datasource.username", AppRole.NAME,
                "quarkus.datasource.password", AppRole.PASSWORD);
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

    /** Creates the login role the service uses and a database it owns. Idempotent. */
    public static final class AppRole {
        public static final String NAME = "outlay_app";
        public static final String PASSWORD = "outlay_app";

        private AppRole() {
        }

        public static void provision(Connection superuser, String database) throws SQLException {
            try (Statement st = superuser.createStatement()) {
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME + "') THEN "
                        + "CREATE ROLE " + NAME + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER NOBYPASSRLS NOCREATEROLE; END IF; END $$");
                boolean exists;
                try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    exists = rs.next();
                }
                if (!exists) st.execute("CREATE DATABASE " + database + " OWNER " + NAME);
            }
        }
    }
}
