/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.synthetic.SyntheticBilling;
import dev.outlay.platform.DatabaseRoles;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service (target/quarkus-app, child processes on free ports) on one fresh PostgreSQL
 * database. Work goes to both: a large AWS CUR upload to A, the same bytes for a control tenant and a spend request
 * with an SLA timer to B (another spend request to A). A is killed with SIGKILL while it loads; a new instance A'
 * starts on its port (its start-up must not touch B's work). Then: B finished A's ingestion, once (one manifest entry,
 * the ledger rows and totals to the cent equal to the control's undisturbed load of the same bytes), both timers
 * fired exactly once (A's through the jobs service's leader failover), two simultaneous allocation requests to A'
 * and B give one run, and A' and B answer the same for the same reads.
 */
class MultiInstanceIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TENANT = "cluster-co";
    static final String CONTROL = "cluster-control";

    private final List<Process> apps = new ArrayList<>();
    private String database;
    private Map<String, String> db;
    private Path dataDir;

    @Test
    void workSurvivesTheLossOfAnInstanceAndHappensOnce() throws Exception {
        db = database();
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-");
        int portA = freePort();
        int portB = freePort();
        Process a = start("a", portA);
        Process b = start("b", portB);

        // Timers on both instances: a GPU request escalates after 24 SLA hours (2 s each here).
        Map<String, Object> gpu = Map.of("resourceClass", "gpu", "environment", "dev", "amount", 900, "currency", "USD",
                "owner", "ml", "description", "cluster test");
        String requestOnA = call(portA, "POST", "/api/v1/spend-requests", token(TENANT, "pat", "platform"), gpu, 201).get("id").asText();
        String requestOnB = call(portB, "POST", "/api/v1/spend-requests", token(TENANT, "pam", "platform"), gpu, 201).get("id").asText();

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        long rows;
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(gz), StandardCharsets.UTF_8)) {
            rows = SyntheticBilling.awsCur2(w, LocalDate.of(2026, 10, 31), 31, 300, 24, 25L);
        }
        byte[] file = gz.toByteArray();
        String big = upload(portA, TENANT, "it-big", file);
        String control = upload(portB, CONTROL, "it-big", file);

        // Kill A mid-load: running, rows read, not finished.
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        String seen = null;
        while (Instant.now().isBefore(until)) {
            seen = text(TENANT, "SELECT status || ':' || rows_read FROM outlay.ingestion WHERE id = ?::uuid", big);
            if (seen.startsWith("running:") && !seen.equals("running:0")) break;
            assertTrue(seen.startsWith("queued") || seen.startsWith("running"), "the load ended before it could be interrupted: " + seen);
            Thread.sleep(50);
        }
        a.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux: no shutdown hook, no lease release
        assertTrue(seen.startsWith("running:"), seen);

        // A new instance on A's port while B takes A's ingestion over: a restart must not fail another's work.
        start("a2", portA);
        JsonNode done = awaitIngestion(portB, big);
        assertEquals("succeeded", done.get("status").asText(), done.toString());
        JsonNode controlDone = awaitIngestion(portB, control);
        assertEquals("succeeded", controlDone.get("status").asText(), controlDone.toString());
        String resumed = "ingestion " + big + " of cur-2026-10.csv.gz resumed on this instance";
        assertTrue(Files.readString(dataDir.resolve("app-b.log")).contains(resumed)
                        || Files.readString(dataDir.resolve("app-a2.log")).contains(resumed),
                "a survivor resumed the ingestion A had been running");

        // Exactly once: one manifest entry, every row once, the totals of the undisturbed load to the cent.
        assertEquals("1", text(TENANT, "SELECT count(*)::text FROM outlay.ingestion WHERE source = 'it-big'"));
        assertEquals(String.valueOf(rows), text(TENANT, "SELECT count(*)::text FROM outlay.ledger_charge"));
        assertEquals(big, text(TENANT, "SELECT string_agg(DISTINCT ingestion_id::text, ',') FROM outlay.ledger_charge"));
        String totals = "SELECT string_agg(billing_currency || ' ' || n || ' ' || effective || ' ' || billed, '; ' ORDER BY billing_currency) FROM "
                + "(SELECT billing_currency, count(*) n, sum(effective_cost) effective, sum(billed_cost) billed FROM outlay.ledger_charge "
                + "GROUP BY billing_currency) t";
        assertEquals(text(CONTROL, totals), text(TENANT, totals));
        assertEquals(controlDone.get("counts"), done.get("counts"));
        assertEquals("0", text(TENANT, "SELECT count(*)::text FROM outlay.ingestion_spool"), "the spool is emptied");

        // Timers: both requests escalate, each exactly once (A's timer fired by a survivor).
        for (String request : List.of(requestOnA, requestOnB)) {
            Instant due = Instant.now().plus(Duration.ofSeconds(150));
            String group = null;
            while (Instant.now().isBefore(due)) {
                group = call(portB, "GET", "/api/v1/spend-requests/" + request, token(TENANT, "aud", "auditor"), null, 200).get("approverGroup").asText();
                if ("finance".equals(group)) break;
                Thread.sleep(1000);
            }
            assertEquals("finance", group, "request " + request + " escalated");
        }
        Thread.sleep(3000); // a second firing would land now
        for (String request : List.of(requestOnA, requestOnB)) {
            // (the next level's own timer may fire later: only this level's escalation is counted)
            assertEquals("1", text(TENANT, "SELECT count(*)::text FROM outlay.spend_request_event WHERE request_id = ?::uuid "
                            + "AND kind = 'escalated' AND detail LIKE '% -> finance,%'", request),
                    "request " + request + " escalated to finance once");
        }

        // Two simultaneous allocation requests on two instances: one run (the open-run index), both answer it.
        String admin = token(TENANT, "fin", "finops_admin");
        Map<String, Object> period = Map.of("billingPeriod", "2026-10");
        CompletableFuture<JsonNode> onA = CompletableFuture.supplyAsync(() -> unchecked(() -> call(portA, "POST", "/api/v1/allocations/runs", admin, period, 202)));
        CompletableFuture<JsonNode> onB = CompletableFuture.supplyAsync(() -> unchecked(() -> call(portB, "POST", "/api/v1/allocations/runs", admin, period, 202)));
        String run = onA.get().get("id").asText();
        assertEquals(run, onB.get().get("id").asText(), "both instances answer the same run");
        Instant due = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode r = null;
        while (Instant.now().isBefore(due)) {
            r = call(portB, "GET", "/api/v1/allocations/runs/" + run, admin, null, 200);
            if (!r.get("status").asText().matches("queued|running")) break;
            Thread.sleep(500);
        }
        assertNotNull(r);
        assertEquals("succeeded", r.get("status").asText(), r.toString());
        assertEquals("1", text(TENANT, "SELECT count(*)::text FROM outlay.allocation_run"));

        // The same reads answer the same on both instances.
        for (String path : List.of("/api/v1/ingestions/" + big, "/api/v1/allocations/runs/" + run,
                "/api/v1/spend-requests/" + requestOnA, "/api/v1/costs?from=2026-10-01&to=2026-10-31")) {
            assertEquals(timeless(call(portB, "GET", path, admin, null, 200)), timeless(call(portA, "GET", path, admin, null, 200)), path);
        }
        assertEquals("0", text(TENANT, "SELECT count(*)::text FROM outlay.work_claim WHERE state <> 'queued'"), "no claim left behind");
    }

    /** The answer without the fields that move with the clock between two reads (data freshness in hours). */
    private static JsonNode timeless(JsonNode n) {
        if (n.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("recencyHours");
            n.forEach(MultiInstanceIT::timeless);
        } else if (n.isArray()) {
            n.forEach(MultiInstanceIT::timeless);
        }
        return n;
    }

    private JsonNode awaitIngestion(int port, String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(150));
        JsonNode n = null;
        while (Instant.now().isBefore(until)) {
            n = call(port, "GET", "/api/v1/ingestions/" + id, token(TENANT.equals(tenantOf(id)) ? TENANT : CONTROL, "fin", "finops_admin"), null, 200);
            if (!n.get("status").asText().matches("queued|running")) return n;
            Thread.sleep(500);
        }
        return n;
    }

    private final Map<String, String> tenantOfIngestion = new java.util.concurrent.ConcurrentHashMap<>();

    private String tenantOf(String ingestion) {
        return tenantOfIngestion.get(ingestion);
    }

    private String upload(int port, String tenant, String connection, byte[] file) throws Exception {
        String boundary = "----outlay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "source", null, "aws-cur".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "connection", null, connection.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "file", "cur-2026-10.csv.gz", file);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingestions"))
                .header("Authorization", "Bearer " + token(tenant, "fin", "finops_admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        tenantOfIngestion.put(id, tenant);
        return id;
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, byte[] content) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (fileName == null ? "Content-Type: text/plain; charset=UTF-8" : "Content-Type: application/octet-stream") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private Process start(String name, int port) throws Exception {
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
        // One data directory: the instances share the demo key pair and the secrets key, as replicas must.
        env.put("OUTLAY_DATA_DIR", dataDir.toString());
        env.put("OUTLAY_APPROVALS_SLA_UNIT", "PT2S");
        env.put("OUTLAY_INGESTION_DEMO_SEED", "false");
        env.put("OUTLAY_ANOMALIES_AFTER_INGESTION", "false");
        env.put("OUTLAY_CLUSTER_INSTANCE_ID", "it-" + name);
        env.put("OUTLAY_CLUSTER_SHARED_SPOOL", "true");
        env.put("OUTLAY_CLUSTER_LEASE_TTL", "PT6S");
        env.put("OUTLAY_CLUSTER_HEARTBEAT_EVERY", "PT1S");
        env.put("OUTLAY_CLUSTER_POLL_EVERY", "PT1S");
        // The same service URL on every replica: the prefix its timer callbacks are recognised by.
        env.put("KOGITO_SERVICE_URL", "http://outlay.cluster.test");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + name + ".log").toFile());
        Process app = pb.start();
        apps.add(app);
        // A loaded CI machine starts the packaged service slowly (seen: over 3 minutes at load 35); -Doutlay.it.ready-seconds.
        Instant until = Instant.now().plus(Duration.ofSeconds(Long.getLong("outlay.it.ready-seconds", 420)));
        while (Instant.now().isBefore(until)) {
            if (!app.isAlive()) throw new IllegalStateException("service exited; see " + dataDir.resolve("app-" + name + ".log"));
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return app;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready; see " + dataDir.resolve("app-" + name + ".log"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : apps) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** A database of its own on the machine's PostgreSQL (the instances must share one server; no embedded fallback). */
    private Map<String, String> database() throws Exception {
        database = "outlay_cluster_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            DatabaseRoles.provision(c, database, "outlay_owner", "outlay_app");
        }
        return Map.of("user", DatabaseRoles.RUNTIME, "owner", DatabaseRoles.OWNER, "password", "outlay_app",
                "owner-password", "outlay_owner", "url", "jdbc:postgresql://127.0.0.1:5432/" + database);
    }

    /** One value read as the runtime role inside a tenant (row-level security applies as in the service). */
    private String text(String tenant, String sql, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection(db.get("url"), db.get("user"), db.get("password"))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('outlay.tenant_id', ?, false)")) {
                ps.setString(1, tenant);
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private String token(String tenant, String subject, String role) throws Exception {
        String pem = Files.readString(dataDir.resolve("keys/jwt-private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return Jwt.issuer("outlay-demo").audience("outlay").subject(subject).upn(subject).claim("tenant", tenant).groups(Set.of(role))
                .expiresIn(3600).jws().sign(key);
    }

    private static JsonNode call(int port, String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + " on " + port + ": " + r.body());
        return JSON.readTree(r.body());
    }

    interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Call<T> c) {
        try {
            return c.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
