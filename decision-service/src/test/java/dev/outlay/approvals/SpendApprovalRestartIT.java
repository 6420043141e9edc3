/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.platform.DatabaseRoles;
import dev.outlay.platform.EmbeddedDatabase;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restart in the middle of an approval, against the packaged service (target/quarkus-app) started as a child process
 * twice on the same fresh database: the user task (same id) and its SLA timer are still there after the restart,
 * and the timer then escalates the request. SLA hour = 4 s here, so a GPU request (24 h) escalates after 96 s.
 */
class SpendApprovalRestartIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TENANT = "restart-co";

    private Process app;
    private EmbeddedDatabase embedded;
    private String database;
    private int port;
    private Path dataDir;

    @Test
    void taskAndTimerSurviveARestart() throws Exception {
        Map<String, String> db = database();
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-it-");
        port = freePort();

        start(db, "first");
        Map<String, Object> gpu = Map.of("resourceClass", "gpu", "environment", "dev", "amount", 900, "currency", "USD",
                "owner", "ml", "description", "restart test");
        JsonNode created = call("POST", "/api/v1/spend-requests", token("pat", "platform"), gpu, 201);
        String requestId = created.get("id").asText();
        String taskId = approverTask(requestId);
        assertNotNull(taskId, "approver task before restart");
        stop();

        try (Connection c = DriverManager.getConnection(db.get("url"), db.get("user"), db.get("password"));
             Statement st = c.createStatement()) {
            assertEquals(1, count(st, "SELECT count(*) FROM public.process_instances"));
            assertTrue(count(st, "SELECT count(*) FROM public.jbpm_user_tasks") >= 1);
            assertTrue(count(st, "SELECT count(*) FROM public.job_details") >= 1, "the SLA timer is stored");
        }

        start(db, "second");
        assertEquals(taskId, approverTask(requestId), "same task after restart");

        Instant until = Instant.now().plus(Duration.ofSeconds(240));
        String group = null;
        while (Instant.now().isBefore(until)) {
            group = call("GET", "/api/v1/spend-requests/" + requestId, token("aud", "auditor"), null, 200).get("approverGroup").asText();
            if ("finance".equals(group)) break;
            Thread.sleep(1000);
        }
        assertEquals("finance", group, "the timer survived the restart and escalated the request");
    }

    private String approverTask(String requestId) throws Exception {
        for (JsonNode t : call("GET", "/api/v1/inbox", token("ann", "approver"), null, 200)) {
            if (requestId.equals(t.get("subjectId").asText())) return t.get("taskId").asText();
        }
        return null;
    }

    private void start(Map<String, String> db, String name) throws Exception {
        Path jar = Path.of(System.getProperty("outlay.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.get("url"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.get("url").substring("jdbc:".length()));
        env.put("QUARKUS_DATASOURCE_USERNAME", db.get("user"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.get("password"));
        env.put("QUARKUS_FLYWAY_USERNAME", db.get("owner"));
        env.put("QUARKUS_FLYWAY_PASSWORD", db.get("owner-password"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("OUTLAY_DEMO_ENABLED", "true");
        env.put("OUTLAY_DATA_DIR", dataDir.toString());
        env.put("OUTLAY_APPROVALS_SLA_UNIT", "PT4S");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + name + ".log").toFile());
        app = pb.start();
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(until)) {
            if (!app.isAlive()) throw new IllegalStateException("service exited; see " + dataDir.resolve("app-" + name + ".log"));
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready; see " + dataDir.resolve("app-" + name + ".log"));
    }

    private void stop() throws InterruptedException {
        if (app == null) return;
        app.destroy();
        if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) app.destroyForcibly().waitFor();
        app = null;
    }

    @AfterEach
    void cleanUp() throws Exception {
        stop();
        if (embedded != null) embedded.close();
        if (database != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private Map<String, String> database() throws Exception {
        Map<String, String> db = new HashMap<>();
        db.put("user", DatabaseRoles.RUNTIME);
        db.put("owner", DatabaseRoles.OWNER);
        if (localServer()) {
            database = "outlay_restart_" + ProcessHandle.current().pid();
            db.put("password", "outlay_app");
            db.put("owner-password", "outlay_owner");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                DatabaseRoles.provision(c, database, db.get("owner-password"), db.get("password"));
            }
            db.put("url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        } else {
            embedded = EmbeddedDatabase.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-pg-").resolve("pg"));
            db.put("url", embedded.jdbcUrl());
            db.put("password", embedded.credentials().runtimePassword());
            db.put("owner-password", embedded.credentials().ownerPassword());
        }
        return db;
    }

    private static boolean localServer() {
        if (Boolean.getBoolean("outlay.test.embedded")) return false;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String token(String subject, String role) throws Exception {
        String pem = Files.readString(dataDir.resolve("keys/jwt-private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return Jwt.issuer("outlay-demo").audience("outlay").subject(subject).upn(subject).claim("tenant", TENANT).groups(Set.of(role))
                .expiresIn(3600).jws().sign(key);
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
