/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk allocation job against the real service: a month loaded through the ingestion API, allocated once by the
 * service and once with engine "spark" (the service starts this module's job, Spark in local mode, which reads the
 * ledger through row-level security and evaluates the stored DMN in its executors). The two statements must be the
 * same bytes, to the last decimal; the Spark run is tracked like any run, and a second tenant sees none of it.
 */
class SparkAllocationRunTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "spark-co";
    static ServiceProcess service;
    static TestTokens tokens;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        String classpath = Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(Path.of("target/job-classpath.txt")).trim();
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spark-run-");
        tokens = new TestTokens(dataDir);
        service = ServiceProcess.start(tokens, dataDir, Map.of("OUTLAY_SPARK_ENABLED", "true", "OUTLAY_SPARK_CLASSPATH", classpath,
                "OUTLAY_SPARK_MASTER", "local[2]", "OUTLAY_SPARK_DRIVER_MEMORY", "768m"), TENANT, "spark-other");
        admin = tokens.sign(TENANT, "fin", "finops_admin");
        ingest(LedgerFixture.csv(6));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void sparkStatementEqualsTheServiceStatementToTheCent() throws Exception {
        JsonNode own = call("POST", "/api/v1/allocations/runs?wait=true", admin, "{\"billingPeriod\":\"2024-10\"}", 201);
        JsonNode spark = call("POST", "/api/v1/allocations/runs?wait=true", admin, "{\"billingPeriod\":\"2024-10\",\"engine\":\"spark\"}", 201);
        assertEquals("succeeded", spark.get("status").asText(), spark.toString());
        assertEquals("spark", spark.get("engine").asText());
        assertEquals("service", own.get("engine").asText());
        assertEquals(own.get("versionHash").asText(), spark.get("versionHash").asText());
        assertEquals(own.get("groups").asInt(), spark.get("groups").asInt(), "same charge groups");
        assertTrue(spark.get("groups").asInt() > 20, "the fixture forms many groups: " + spark.get("groups"));

        for (String groupBy : new String[]{"team,product,environment,costCenter", "team"}) {
            String a = text("/api/v1/allocations/runs/" + own.get("id").asText() + "/results?groupBy=" + groupBy + "&format=csv");
            String b = text("/api/v1/allocations/runs/" + spark.get("id").asText() + "/results?groupBy=" + groupBy + "&format=csv");
            assertEquals(a, b, "statement by " + groupBy);
        }
        JsonNode currencies = spark.get("currencies");
        assertEquals(2, currencies.size(), "EUR and USD stay apart");
        for (int i = 0; i < 2; i++) {
            JsonNode o = own.get("currencies").get(i);
            JsonNode s = currencies.get(i);
            assertEquals(o.get("currency").asText(), s.get("currency").asText());
            assertEquals(0, new BigDecimal(o.get("total").asText()).compareTo(new BigDecimal(s.get("total").asText())));
            assertEquals(0, new BigDecimal(o.get("allocated").asText()).compareTo(new BigDecimal(s.get("allocated").asText())));
        }
        // The Spark run's decisions are logged like the service's (one per distinct input) and the service, replaying
        // one under its version, reproduces what the executors answered byte for byte.
        JsonNode logged = call("GET", "/api/v1/decisions?ruleSet=allocation&runId=" + spark.get("decisionRunId").asText() + "&limit=500",
                admin, null, 200);
        JsonNode serviceLogged = call("GET", "/api/v1/decisions?ruleSet=allocation&runId=" + own.get("decisionRunId").asText()
                + "&limit=500", admin, null, 200);
        assertEquals(serviceLogged.size(), logged.size(), "one logged decision per distinct input on both engines");
        assertTrue(logged.size() > 5, logged.toString());
        JsonNode replay = call("POST", "/api/v1/decisions/" + logged.get(0).get("id").asText() + "/replay", admin, null, 200);
        assertTrue(replay.get("reproduced").asBoolean(), replay.toString());

        String other = tokens.sign("spark-other", "x", "finops_admin");
        call("GET", "/api/v1/allocations/runs/" + spark.get("id").asText(), other, null, 404);
        JsonNode refused = call("POST", "/api/v1/allocations/runs", other, "{\"billingPeriod\":\"2024-10\",\"engine\":\"spark\"}", 422);
        assertTrue(refused.get("detail").asText().contains("no rows"), refused.toString());
        call("POST", "/api/v1/allocations/runs", admin, "{\"billingPeriod\":\"2024-10\",\"engine\":\"hadoop\"}", 400);
    }

    private static void ingest(String csv) throws Exception {
        String boundary = "----outlay" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nfocus\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"spark-2024-10.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest req = HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/ingestions"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = ServiceProcess.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        String status = "";
        while (Instant.now().isBefore(until)) {
            status = call("GET", "/api/v1/ingestions/" + id, admin, null, 200).get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) break;
            Thread.sleep(300);
        }
        assertEquals("succeeded", status, "the fixture loads");
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> r = ServiceProcess.HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + path))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static JsonNode call(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.base() + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5));
        if (body != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = ServiceProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
