/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.support.S3MockProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's S3 connection against Adobe S3Mock: the poll reads the CUR 2.0 manifest of the billing period, loads
 * its gzipped part through the pipeline with totals to the cent, a second poll is a duplicate no-op, and another
 * tenant sees neither the connection nor the rows.
 */
@QuarkusTest
class ConnectionPollS3Test {

    static final String A = "conn-poll-a";
    static final String B = "conn-poll-b";
    static final String C = "conn-poll-c"; // its own tenant: a second connection to the same export would load it again
    static final String BUCKET = "acme-billing";
    static S3MockProcess s3mock;

    @Inject
    ConnectionPoller poller;

    @Inject
    ConnectionService connections;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @BeforeAll
    static void exportInS3() throws Exception {
        s3mock = S3MockProcess.start();
        try (S3Client s3 = s3mock.client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            String data = "cur/acme-focus/data/BILLING_PERIOD=2024-10/acme-focus-00001.csv.gz";
            s3mock.put(s3, BUCKET, data, gzip(fixture("fixtures/aws/cur2-every-line-item-type.csv")));
            s3mock.put(s3, BUCKET, "cur/acme-focus/metadata/BILLING_PERIOD=2024-10/acme-focus-Manifest.json",
                    ("{\"executionId\":\"e1\",\"dataFiles\":[\"s3://" + BUCKET + "/" + data + "\"]}").getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        if (s3mock != null) s3mock.close();
    }

    @Test
    void pollIngestsTheExportOnceAndOnlyForItsTenant() throws Exception {
        given().header("Authorization", bearer(B, "root-b", "admin")).get("/api/v1/me").then().statusCode(200);
        Map<String, Object> config = Map.of("bucket", BUCKET, "prefix", "cur", "exportName", "acme-focus", "region", "us-east-1",
                "endpoint", s3mock.endpoint(), "pathStyle", true);
        String id = given().header("Authorization", bearer(A, "root-a", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-cur", "kind", "aws-s3", "config", config,
                        "credentials", Map.of("accessKeyId", "AKIAS3MOCK0001", "secretAccessKey", "s3mock-secret")))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");

        // "Now" is November 2024: the poll covers October (the previous period, exported) and November (no manifest yet).
        ConnectionPoller.PollResult first = resultFor(id, poller.pollTenant(A, YearMonth.of(2024, 11), Instant.now()));
        assertEquals("ok", first.status(), first.periods().toString());
        assertTrue(first.periods().get(0).startsWith("2024-10: succeeded"), first.periods().toString());
        assertEquals("2024-11: no-export", first.periods().get(1));
        assertMoney("1522.9840789014", sum(A, "billed_cost", "2024-10-01"));
        assertMoney("105.2440789014", sum(A, "effective_cost", "2024-10-01"));
        assertMoney("1.1111111111", sum(A, "billed_cost", "2024-11-01"));
        assertMoney("19", count(A));
        given().header("Authorization", bearer(A, "fo", "finops_admin")).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("lastPoll.status", equalTo("ok")).body("lastPoll.detail", containsString("2024-10: succeeded"));
        given().header("Authorization", bearer(A, "fo", "finops_admin")).get("/api/v1/sources/health").then().statusCode(200)
                .body("source", org.hamcrest.Matchers.hasItem("acme-cur"));

        ConnectionPoller.PollResult second = resultFor(id, poller.pollTenant(A, YearMonth.of(2024, 11), Instant.now()));
        assertTrue(second.periods().get(0).startsWith("2024-10: duplicate"), second.periods().toString());
        assertMoney("19", count(A));
        assertMoney("1522.9840789014", sum(A, "billed_cost", "2024-10-01"));

        // A replay loads the unchanged period again (after an upgrade changed the mapping): a new ingestion replaces
        // the old one's rows, and the ledger holds one copy.
        ConnectionPoller.PollResult replay = dev.outlay.tenancy.TenantContext.runAs(dev.outlay.tenancy.TenantContext.system(A),
                () -> poller.poll(connections.get(UUID.fromString(id)), List.of(YearMonth.of(2024, 10)), true));
        assertTrue(replay.periods().get(0).startsWith("2024-10: succeeded"), replay.periods().toString());
        assertMoney("19", count(A));
        assertMoney("1522.9840789014", sum(A, "billed_cost", "2024-10-01"));
        given().header("Authorization", bearer(A, "fo", "finops_admin")).get("/api/v1/ingestions").then().statusCode(200)
                .body("findAll { it.source == 'acme-cur' && it.status == 'succeeded' }.size()", equalTo(2))
                .body("findAll { it.source == 'acme-cur' && it.status == 'succeeded' && it.supersededBy == null }.size()", equalTo(1));

        // The schedule only takes connections whose last poll is older than the interval: this one was just polled.
        assertTrue(poller.pollTenant(A, YearMonth.of(2024, 11), Instant.now().minusSeconds(3600)).stream()
                .noneMatch(r -> r.connection().equals(UUID.fromString(id))), "a connection polled just now was polled again");

        assertTrue(poller.pollTenant(B, YearMonth.of(2024, 11), Instant.now()).isEmpty(), "tenant B polled another tenant's connection");
        assertMoney("0", count(B));
        given().header("Authorization", bearer(B, "root-b", "admin")).get("/api/v1/connections").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", bearer(B, "root-b", "admin")).get("/api/v1/connections/" + id).then().statusCode(404);
    }

    @Test
    void backfillOfAConnectionIsBoundedAndTenantScoped() {
        String id = given().header("Authorization", bearer(C, "root-a", "admin")).contentType(ContentType.JSON)
                // Disabled: the scheduled poll skips it, an explicit backfill still runs (and alone records the outcome here).
                .body(Map.of("name", "backfilled", "kind", "aws-s3", "enabled", false,
                        "config", Map.of("bucket", BUCKET, "prefix", "cur", "exportName", "acme-focus", "endpoint", s3mock.endpoint(), "pathStyle", true),
                        "credentials", Map.of("accessKeyId", "AKIAS3MOCK0002", "secretAccessKey", "s3mock-secret")))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
        String path = "/api/v1/sources/" + id + "/backfill";
        given().header("Authorization", bearer(C, "fo", "finops_admin")).contentType(ContentType.JSON).body("{\"from\":\"2024-01\",\"to\":\"2025-06\"}")
                .post(path).then().statusCode(422).body("errors[0].field", equalTo("to"));
        given().header("Authorization", bearer(B, "fo", "finops_admin")).contentType(ContentType.JSON).body("{\"from\":\"2024-10\",\"to\":\"2024-10\"}")
                .post(path).then().statusCode(404);
        given().header("Authorization", bearer(C, "fo", "finops_admin")).contentType(ContentType.JSON).body("{\"from\":\"2024-09\",\"to\":\"2024-10\"}")
                .post(path).then().statusCode(202).body("billingPeriods", org.hamcrest.Matchers.contains("2024-09", "2024-10"));
        String status = null;
        for (int i = 0; i < 300 && status == null; i++) {
            status = given().header("Authorization", bearer(C, "fo", "finops_admin")).get("/api/v1/connections/" + id)
                    .then().statusCode(200).extract().path("lastPoll.status");
            if (status == null) sleep();
        }
        assertEquals("ok", status);
        given().header("Authorization", bearer(C, "fo", "finops_admin")).get("/api/v1/connections/" + id).then()
                .body("lastPoll.detail", containsString("2024-09: no-export")).body("lastPoll.detail", containsString("2024-10: "));
    }

    static ConnectionPoller.PollResult resultFor(String id, List<ConnectionPoller.PollResult> all) {
        return all.stream().filter(r -> r.connection().equals(UUID.fromString(id))).findFirst()
                .orElseThrow(() -> new AssertionError("connection " + id + " was not polled: " + all));
    }

    private BigDecimal sum(String tenant, String column, String period) throws Exception {
        return scalar("SELECT coalesce(sum(" + column + "), 0) FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = '" + period + "'", tenant);
    }

    private BigDecimal count(String tenant) throws Exception {
        return scalar("SELECT count(*) FROM outlay.ledger_charge WHERE tenant_id = ?", tenant);
    }

    private BigDecimal scalar(String sql, String tenant) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = ConnectionPollS3Test.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing fixture " + path);
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
