/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.findings.FindingLifecycleTest;
import dev.outlay.findings.FindingStatus;
import dev.outlay.findings.FindingStore;
import dev.outlay.findings.SavingsRange;
import dev.outlay.security.IsolationFixtures;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant usage-free is on the free tier (test profile: two connected sources). Adding a third connection is a 402
 * that names the limit and changes nothing; ingesting and acting on findings at the limit go on; every metered action
 * is one append-only usage event, read back through GET /api/v1/usage as JSON and CSV.
 */
@QuarkusTest
class UsageMeteringTest {

    static final String T = "usage-free";

    @Inject
    FindingStore findings;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    static Map<String, Object> connection(String name) {
        return Map.of("name", name, "kind", "aws-s3",
                "config", Map.of("bucket", "acme-billing", "prefix", "cur", "exportName", "acme-focus", "region", "eu-west-1"),
                "credentials", Map.of("accessKeyId", "AKIAUSAGEKEY00000001", "secretAccessKey", "usage-test-secret-value-000000000"));
    }

    @Test
    void theConnectionLimitIsA402AndNeverStopsIngestionOrOptimization() throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String admin = bearer(T, "root", "admin");
        String first = given().header("Authorization", admin).contentType(ContentType.JSON).body(connection("src-1"))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(connection("src-2"))
                .post("/api/v1/connections").then().statusCode(201);

        given().header("Authorization", admin).contentType(ContentType.JSON).body(connection("src-3"))
                .post("/api/v1/connections").then().statusCode(402).contentType(startsWith("application/problem+json"))
                .body("limit", equalTo("connected_sources")).body("plan", equalTo("free"))
                .body("current", equalTo(2)).body("allowed", equalTo(2))
                .body("detail", containsString("allows 2 connected sources"));
        assertEquals(2, count("SELECT count(*) FROM outlay.connection WHERE tenant_id = '" + T + "'"), "the refused add created nothing");
        assertEquals(2, count("SELECT count(*) FROM outlay.usage_event WHERE tenant_id = '" + T + "' AND event = 'connection.added'"));

        // Removing one makes room again; both are metered.
        given().header("Authorization", admin).delete("/api/v1/connections/" + first).then().statusCode(204);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(connection("src-3"))
                .post("/api/v1/connections").then().statusCode(201);

        // At the limit: ingestion goes on and is metered with its rows.
        String fo = bearer(T, "fo", "finops_admin");
        String ingestion = given().header("Authorization", fo).multiPart("source", "invoice-csv")
                .multiPart("file", "invoice.csv", IsolationFixtures.INVOICE.getBytes(), "text/csv")
                .multiPart("mapping", IsolationFixtures.MAPPING).post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        Response done = null;
        for (int i = 0; i < 600; i++) {
            done = given().header("Authorization", fo).get("/api/v1/ingestions/" + ingestion);
            String status = done.then().extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) break;
            Thread.sleep(100);
        }
        assertEquals("succeeded", done.then().extract().path("status"));
        long rowsLoaded = ((Number) done.then().extract().path("counts.rowsLoaded")).longValue();
        assertTrue(rowsLoaded > 0);

        // At the limit: acting on findings (accept, action: the savings) is never limited.
        var detection = FindingLifecycleTest.detection("vol-usage-" + UUID.randomUUID(), "waste.ebs.unattached", "payments", "low", "DELETE", "dev",
                List.of(new SavingsRange(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), "USD")));
        TenantContext.runAs(TenantContext.system(T), () -> findings.insert(detection, FindingStatus.OPEN, Instant.now().truncatedTo(ChronoUnit.MICROS), null));
        given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("reason", "clean up"))
                .post("/api/v1/findings/" + detection.id() + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("reason", "deleted"))
                .post("/api/v1/findings/" + detection.id() + "/action").then().statusCode(200).body("status", equalTo("actioned"));

        Instant to = Instant.now().plusSeconds(1);
        Response usage = given().header("Authorization", fo).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/usage");
        usage.then().statusCode(200).body("plan.tier", equalTo("free")).body("plan.limits.connectedSources", equalTo(2));
        Map<String, Object> sources = metric(usage, "connected_sources");
        assertEquals(2, sources.get("inWindow"), "3 added, 1 removed");
        assertEquals(4, sources.get("events"));
        assertEquals(2, sources.get("current"));
        assertEquals(2, sources.get("allowed"));
        Map<String, Object> rows = metric(usage, "ingested_rows");
        assertEquals(rowsLoaded, ((Number) rows.get("inWindow")).longValue());
        assertEquals(null, rows.get("allowed"));
        Map<String, Object> seats = metric(usage, "seats");
        assertTrue(((Number) seats.get("events")).intValue() >= 2, "root and fo are new seats: " + seats);

        String csv = given().header("Authorization", fo).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("metric", "connected_sources").queryParam("format", "csv").get("/api/v1/usage")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(UsageCsv.HEADER, lines[0]);
        assertEquals(5, lines.length, csv);
        assertTrue(csv.contains(",connected_sources,connection.removed,-1,connection," + first + ",aws-s3,root,"), csv);
    }

    @Test
    void badQueriesAreProblemsAndRolesAreEnforced() {
        String fo = bearer(T, "fo", "finops_admin");
        given().header("Authorization", fo).queryParam("metric", "dollars").get("/api/v1/usage").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("metric"));
        given().header("Authorization", fo).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/usage")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", fo).queryParam("from", "yesterday").get("/api/v1/usage")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", fo).queryParam("format", "xml").get("/api/v1/usage")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/usage").then().statusCode(403);
    }

    @Test
    void usageEventsAreAppendOnlyAndTenantScoped() throws Exception {
        given().header("Authorization", bearer("usage-ent", "root-ent", "admin")).contentType(ContentType.JSON).body(connection("ent-1"))
                .post("/api/v1/connections").then().statusCode(201);
        // The default tier (enterprise) has no connection limit.
        given().header("Authorization", bearer("usage-ent", "root-ent", "admin")).get("/api/v1/usage")
                .then().statusCode(200).body("plan.tier", equalTo("enterprise"))
                .body("metrics.find { it.metric == 'connected_sources' }.allowed", equalTo(null))
                .body("events.subjectId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("root")));
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE outlay.usage_event SET quantity = 100"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM outlay.usage_event"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metric(Response usage, String name) {
        List<Map<String, Object>> metrics = usage.jsonPath().getList("metrics");
        return metrics.stream().filter(m -> name.equals(m.get("metric"))).findFirst().orElseThrow();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
