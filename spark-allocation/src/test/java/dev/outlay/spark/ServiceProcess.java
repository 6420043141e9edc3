/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import dev.outlay.platform.DatabaseRoles;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The packaged service (decision-service/target/quarkus-app, built earlier in the reactor) as a child process on a
 * database of its own on the machine's PostgreSQL, with the Spark engine pointed at this module's job classpath.
 */
final class ServiceProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    final Path dataDir;
    private final String database;
    private final Process process;

    private ServiceProcess(int port, Path dataDir, String database, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.database = database;
        this.process = process;
    }

    /** Starts the service outside demo mode (no demo data to load), trusting {@code tokens}, with the given tenants. */
    static ServiceProcess start(TestTokens tokens, Path dataDir, Map<String, String> extraEnv, String... tenants) throws Exception {
        Path jar = Path.of(System.getProperty("outlay.app.jar", "../decision-service/target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("package the service first: " + jar + " is missing");
        String database = "outlay_spark_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            DatabaseRoles.provision(c, database, "outlay_owner", "outlay_app");
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar",
                jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", url.substring("jdbc:".length()));
        env.put("QUARKUS_DATASOURCE_USERNAME", DatabaseRoles.RUNTIME);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "outlay_app");
        env.put("QUARKUS_FLYWAY_USERNAME", DatabaseRoles.OWNER);
        env.put("QUARKUS_FLYWAY_PASSWORD", "outlay_owner");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("OUTLAY_DEMO_ENABLED", "false");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKey.toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", "outlay");
        env.put("OUTLAY_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("service.log").toFile());
        ServiceProcess s = new ServiceProcess(port, dataDir, database, pb.start());
        s.awaitReady();
        // The operator's step (no tenant is created on first use outside demo mode).
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.tenant (id, display_name, demo) VALUES (?, ?, false)")) {
            for (String t : tenants) {
                ps.setString(1, t);
                ps.setString(2, t);
                ps.executeUpdate();
            }
        }
        return s;
    }

    private void awaitReady() throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) throw new IllegalStateException("service exited; see " + dataDir.resolve("service.log"));
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready; see " + dataDir.resolve("service.log"));
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
