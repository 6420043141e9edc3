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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants' gcp-bigquery connections, polled with the real BigQuery client against WireMock serving the REST API
 * (jobs.query, jobs.get, tabledata.list: the reader's recorded-shape fixtures, two pages, nested and repeated
 * fields). January 2025 loads with Σ cost and Σ (cost + credits) to the micro-unit, February has no rows, a
 * re-poll is a duplicate, and a missing table is a failed ingestion naming it, with nothing in the ledger.
 */
@QuarkusTest
class ConnectionPollGcpTest {

    static final String PROJECT = "billing-reader";
    static final String TABLE = "gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9";
    static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
    static final YearMonth NOW = YearMonth.of(2025, 2);
    static WireMockServer wm;
    static String onePage;

    @Inject
    ConnectionPoller poller;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @BeforeAll
    static void bigQuery() throws Exception {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        String page1 = fixture("gcp/query-page1.json");
        ObjectNode empty = (ObjectNode) new ObjectMapper().readTree(page1);
        empty.remove("rows");
        empty.remove("pageToken");
        empty.put("totalRows", "0");
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing(TABLE)).withRequestBody(containing("202501"))
                .willReturn(okJson(page1)));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing(TABLE)).withRequestBody(containing("202502"))
                .willReturn(okJson(empty.toString())));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("gcp_billing_export_v1_MISSING"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":404,\"message\":\"Not found: Table billing-reader:billing_export.gcp_billing_export_v1_MISSING\","
                                + "\"errors\":[{\"message\":\"Not found: Table\",\"domain\":\"global\",\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}")));
        // One page each (no pageToken): a schema without the required cost_type, and a second currency on one account.
        ObjectNode single = (ObjectNode) new ObjectMapper().readTree(page1);
        single.remove("pageToken");
        single.put("totalRows", String.valueOf(single.get("rows").size()));
        onePage = single.toString();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("gcp_billing_export_v1_NOCOLUMN")).withRequestBody(containing("202501"))
                .willReturn(okJson(onePage.replace("\"name\":\"cost_type\"", "\"name\":\"charge_type\""))));
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("gcp_billing_export_v1_EURMIX")).withRequestBody(containing("202501"))
                .willReturn(okJson(onePage.replaceFirst("\"USD\"", "\"EUR\""))));
        // A table that loads first and later answers badly (the test swaps its stub).
        wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing("gcp_billing_export_v1_LATER")).withRequestBody(containing("202501"))
                .willReturn(okJson(page1)));
        for (String t : new String[] {"gcp_billing_export_v1_NOCOLUMN", "gcp_billing_export_v1_EURMIX", "gcp_billing_export_v1_LATER"}) {
            wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing(t)).withRequestBody(containing("202502"))
                    .willReturn(okJson(empty.toString())));
        }
        wm.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/jobs/job_gcp_fixture_1")).willReturn(okJson(fixture("gcp/job.json"))));
        wm.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/datasets/_anon_fixture/tables/anon_result/data"))
                .withQueryParam("pageToken", equalTo("PAGE-2")).willReturn(okJson(fixture("gcp/tabledata-page2.json"))));
    }

    @AfterAll
    static void stop() {
        if (wm != null) wm.stop();
    }

    @Test
    void pollLoadsTheInvoiceMonthOnceAndOnlyForItsTenant() throws Exception {
        String tenant = "gcp-poll";
        String id = create(tenant, "acme-gcp", TABLE);
        ConnectionPoller.PollResult first = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("ok", first.status(), first.periods().toString());
        assertTrue(first.periods().get(0).startsWith("2025-01: succeeded"), first.periods().toString());
        assertEquals("2025-02: no-export", first.periods().get(1));
        // The fixture's own sums: Σ cost 12.695679, Σ credits -1.700001, net = cost + credits.
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));
        ConnectionPollS3Test.assertMoney("12.695679", scalar(tenant, "sum(billed_cost)"));
        ConnectionPollS3Test.assertMoney("10.995678", scalar(tenant, "sum(effective_cost)"));

        ConnectionPoller.PollResult again = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(again.periods().get(0).startsWith("2025-01: duplicate"), again.periods().toString());
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));

        given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("lastPoll.status", org.hamcrest.Matchers.equalTo("ok")).body("hasSecret", org.hamcrest.Matchers.equalTo(false));
        given().header("Authorization", bearer("gcp-other", "root", "admin")).get("/api/v1/connections/" + id).then().statusCode(404);
        ConnectionPollS3Test.assertMoney("0", scalar("gcp-other", "count(*)"));
    }

    @Test
    void missingTableIsAFailedIngestionNamingIt() throws Exception {
        String tenant = "gcp-missing";
        String id = create(tenant, "acme-gcp", "gcp_billing_export_v1_MISSING");
        ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("failed", r.status(), r.periods().toString());
        JsonPath failed = given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/ingestions?source=acme-gcp&status=failed")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, failed.getList("$").size(), failed.prettify());
        assertEquals(404, failed.getInt("[0].error.status"));
        assertTrue(failed.getString("[0].error.detail").contains("billing-reader.billing_export.gcp_billing_export_v1_MISSING"), failed.prettify());
        ConnectionPollS3Test.assertMoney("0", scalar(tenant, "count(*)"));
    }

    @Test
    void aBadReReadOfALoadedMonthIsRefusedAndLeavesItsRowsAsTheyWere() throws Exception {
        String tenant = "gcp-later";
        String table = "gcp_billing_export_v1_LATER";
        String id = create(tenant, "acme-gcp", table);
        ConnectionPoller.PollResult first = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(first.periods().get(0).startsWith("2025-01: succeeded"), first.periods().toString());
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));

        // Later reads of January: a schema without the required cost_type, then a second currency in the account.
        String[][] bad = {{onePage.replace("\"name\":\"cost_type\"", "\"name\":\"charge_type\""), "cost_type"},
                {onePage.replaceFirst("\"USD\"", "\"EUR\""), "currency USD differs from EUR"}};
        for (String[] b : bad) {
            wm.stubFor(post(urlPathEqualTo(QUERIES)).withRequestBody(containing(table)).withRequestBody(containing("202501"))
                    .willReturn(okJson(b[0])));
            ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
            assertTrue(r.periods().get(0).startsWith("2025-01: failed"), b[1] + ": " + r.periods());
            JsonPath failed = given().header("Authorization", bearer(tenant, "fo", "finops_admin"))
                    .get("/api/v1/ingestions?source=acme-gcp&status=failed").then().statusCode(200).extract().jsonPath();
            // A problem (RFC 9457 fields) naming what and where; the month keeps the first read's rows.
            List<Map<String, Object>> errors = failed.getList("error");
            assertEquals(1, errors.stream().filter(e -> e.get("title") != null && e.get("status") != null
                    && String.valueOf(e).contains(b[1]) && String.valueOf(e).contains(table)).count(), failed.prettify());
            ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));
            ConnectionPollS3Test.assertMoney("12.695679", scalar(tenant, "sum(billed_cost)"));
            ConnectionPollS3Test.assertMoney("10.995678", scalar(tenant, "sum(effective_cost)"));
        }

        // The connection later pointed at a table that does not exist: a 404 problem naming it, the rows stay.
        given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-gcp", "kind", "gcp-bigquery", "config", Map.of("projectId", PROJECT, "dataset", "billing_export",
                        "table", "gcp_billing_export_v1_MISSING", "endpoint", wm.baseUrl())))
                .put("/api/v1/connections/" + id).then().statusCode(200);
        ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(r.periods().get(0).startsWith("2025-01: failed"), r.periods().toString());
        List<Map<String, Object>> errors = given().header("Authorization", bearer(tenant, "fo", "finops_admin"))
                .get("/api/v1/ingestions?source=acme-gcp&status=failed").then().statusCode(200).extract().jsonPath().getList("error");
        assertTrue(errors.stream().anyMatch(e -> Integer.valueOf(404).equals(e.get("status"))
                && String.valueOf(e.get("detail")).contains("billing-reader.billing_export.gcp_billing_export_v1_MISSING")), errors.toString());
        ConnectionPollS3Test.assertMoney("4", scalar(tenant, "count(*)"));
        ConnectionPollS3Test.assertMoney("12.695679", scalar(tenant, "sum(billed_cost)"));
    }

    @Test
    void schemaWithoutARequiredColumnIsAFailedIngestionNamingIt() throws Exception {
        refused("gcp-nocolumn", "gcp_billing_export_v1_NOCOLUMN", "cost_type");
    }

    @Test
    void mixedCurrenciesInOneBillingAccountAreAFailedIngestionNamingThem() throws Exception {
        refused("gcp-eurmix", "gcp_billing_export_v1_EURMIX", "currency USD differs from EUR");
    }

    /** January is refused naming what and where (February has no rows); nothing reaches the tenant's ledger. */
    private void refused(String tenant, String table, String says) throws Exception {
        String id = create(tenant, "acme-gcp", table);
        ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("failed", r.status(), r.periods().toString());
        assertTrue(r.periods().get(0).startsWith("2025-01: failed"), r.periods().toString());
        JsonPath failed = given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/ingestions?source=acme-gcp&status=failed")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, failed.getList("$").size(), failed.prettify());
        String error = failed.getString("[0].error");
        assertTrue(error.contains(says), failed.prettify());
        assertTrue(error.contains(table), "the problem does not say where: " + failed.prettify());
        ConnectionPollS3Test.assertMoney("0", scalar(tenant, "count(*)"));
    }

    @Test
    void settingsAndKeyAreCheckedFieldByField() {
        given().header("Authorization", bearer("gcp-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "gcp-bigquery", "config", Map.of("projectId", "X", "dataset", "billing export", "table", TABLE),
                        "credentials", Map.of("serviceAccountKey", "{\"type\":\"authorized_user\"}")))
                .post("/api/v1/connections").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("config.projectId", "credentials.serviceAccountKey"));
        // Without an endpoint override the key is required.
        given().header("Authorization", bearer("gcp-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "gcp-bigquery", "config", Map.of("projectId", PROJECT, "dataset", "billing_export", "table", TABLE)))
                .post("/api/v1/connections").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("credentials"));
    }

    private String create(String tenant, String name, String table) {
        return given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "gcp-bigquery", "config", Map.of("projectId", PROJECT, "dataset", "billing_export",
                        "table", table, "endpoint", wm.baseUrl())))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
    }

    static String fixture(String path) throws Exception {
        return new String(ConnectionPollS3Test.fixture(path), StandardCharsets.UTF_8);
    }

    private BigDecimal scalar(String tenant, String expression) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl);
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(" + expression + ", 0) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
