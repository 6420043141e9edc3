/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export_time watermark of a gcp-bigquery connection is kept between polls (V220): the first poll of January
 * 2025 sends no watermark and loads the month; the next sends the month's newest export_time as @since, and
 * BigQuery (WireMock answering by the @since it is sent) has nothing newer, so nothing is read or loaded; after a
 * late export the month is read whole again and replaces the earlier load, and the watermark moves on.
 */
@QuarkusTest
class GcpWatermarkPollTest {

    static final String PROJECT = "billing-reader";
    static final String TABLE = "gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9";
    static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
    static final YearMonth NOW = YearMonth.of(2025, 2);
    /** The newest export_time of the fixture's rows (tabledata-page2.json: 1738137600123456 µs). */
    static final String FIRST_WATERMARK = "2025-01-29 08:00:00.123456";
    static final String LATE_EXPORT = "2025-01-30 05:20:00";
    static WireMockServer wm;

    @Inject
    ConnectionPoller poller;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @BeforeAll
    static void bigQuery() throws Exception {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        ObjectMapper json = new ObjectMapper();
        String page1 = ConnectionPollGcpTest.fixture("gcp/query-page1.json");
        ObjectNode empty = (ObjectNode) json.readTree(page1);
        empty.remove("rows");
        empty.remove("pageToken");
        empty.put("totalRows", "0");
        // A late export: one page, the first page's rows plus a rewritten copy of its first row exported later.
        ObjectNode late = (ObjectNode) json.readTree(page1);
        late.remove("pageToken");
        ArrayNode rows = (ArrayNode) late.get("rows");
        int exportTime = fieldIndex(late, "export_time");
        ObjectNode extra = rows.get(0).deepCopy();
        ((ObjectNode) extra.get("f").get(exportTime)).put("v", "1.7382144E9"); // 2025-01-30T05:20:00Z
        rows.add(extra);
        late.put("totalRows", String.valueOf(rows.size()));

        // Without a watermark (epoch) and after the first load's watermark: by the @since value sent.
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("202501")).withRequestBody(containing("1970-01-01"))
                .willReturn(okJson(page1)));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("202501")).withRequestBody(containing(FIRST_WATERMARK))
                .willReturn(okJson(empty.toString())));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("202501")).withRequestBody(containing(LATE_EXPORT))
                .willReturn(okJson(empty.toString())));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("202502")).willReturn(okJson(empty.toString())));
        wm.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/jobs/job_gcp_fixture_1"))
                .willReturn(okJson(ConnectionPollGcpTest.fixture("gcp/job.json"))));
        wm.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/datasets/_anon_fixture/tables/anon_result/data"))
                .withQueryParam("pageToken", equalTo("PAGE-2")).willReturn(okJson(ConnectionPollGcpTest.fixture("gcp/tabledata-page2.json"))));
        lateJson = late.toString();
    }

    static String lateJson;

    @AfterAll
    static void stop() {
        if (wm != null) wm.stop();
    }

    @Test
    void watermarkIsKeptBetweenPollsAndALateExportReplacesTheMonth() throws Exception {
        String tenant = "gcp-watermark";
        String id = given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-gcp", "kind", "gcp-bigquery", "config", Map.of("projectId", PROJECT, "dataset", "billing_export",
                        "table", TABLE, "endpoint", wm.baseUrl())))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");

        ConnectionPoller.PollResult first = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(first.periods().get(0).startsWith("2025-01: succeeded"), first.periods().toString());
        assertTrue(lastQuery().contains("1970-01-01"), "the first poll sends no watermark");
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));
        assertEquals(Instant.parse("2025-01-29T08:00:00.123456Z"), watermark(tenant));

        // Nothing exported since: BigQuery returns no rows for @since = the watermark, nothing is loaded.
        ConnectionPoller.PollResult second = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("2025-01: no-export", second.periods().get(0), second.periods().toString());
        assertTrue(lastQuery().contains(FIRST_WATERMARK), "the second poll sends the stored watermark: " + lastQuery());
        assertEquals(1, ingestions(tenant));
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));

        // Google exports a late row: the month is read whole and replaces the first load; the watermark moves on.
        wm.stubFor(post(urlPathEqualTo(QUERIES)).atPriority(1).withRequestBody(containing("202501")).withRequestBody(containing(FIRST_WATERMARK))
                .willReturn(okJson(lateJson)));
        ConnectionPoller.PollResult third = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(third.periods().get(0).startsWith("2025-01: succeeded"), third.periods().toString());
        ConnectionPollS3Test.assertMoney("3", scalar(tenant, "count(*)"));
        assertEquals(Instant.parse("2025-01-30T05:20:00Z"), watermark(tenant));
        assertEquals(2, ingestions(tenant));

        ConnectionPoller.PollResult fourth = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("2025-01: no-export", fourth.periods().get(0), fourth.periods().toString());
        assertTrue(lastQuery().contains(LATE_EXPORT), lastQuery());
        ConnectionPollS3Test.assertMoney("3", scalar(tenant, "count(*)"));
    }

    private static int fieldIndex(ObjectNode response, String name) {
        var fields = response.get("schema").get("fields");
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).get("name").asText().equals(name)) return i;
        throw new AssertionError("no field " + name);
    }

    /** The body of the newest jobs.query request for January. */
    private static String lastQuery() {
        List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo(QUERIES)).withRequestBody(containing("202501")));
        return posts.get(posts.size() - 1).getBodyAsString();
    }

    private Instant watermark(String tenant) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl);
             PreparedStatement ps = c.prepareStatement("SELECT export_time FROM outlay.gcp_export_watermark WHERE tenant_id = ? "
                     + "AND source = 'acme-gcp' AND invoice_month = '202501'")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no watermark stored");
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private int ingestions(String tenant) throws Exception {
        return scalarOf("SELECT count(*) FROM outlay.ingestion WHERE tenant_id = ? AND source = 'acme-gcp' AND status = 'succeeded'", tenant).intValue();
    }

    private BigDecimal scalar(String tenant, String expression) throws Exception {
        return scalarOf("SELECT coalesce(" + expression + ", 0) FROM outlay.ledger_charge WHERE tenant_id = ?", tenant);
    }

    private BigDecimal scalarOf(String sql, String tenant) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
