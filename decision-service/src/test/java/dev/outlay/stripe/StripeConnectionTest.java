/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outlay.economics.EconomicsRepository;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Stripe connection end to end against a WireMock Stripe, read by stripe-java: last month's fees loaded into the
 * ledger to the cent per currency, a re-poll a duplicate, revenue and orders as metric values, and a rejected key
 * or an outage on the second page a problem naming the page, a failed ingestion, and an unchanged ledger.
 */
@QuarkusTest
class StripeConnectionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The fixture's month: its transactions are moved to last month, so the test holds whenever it runs. */
    static final YearMonth FIXTURE = YearMonth.of(2026, 11);
    static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    static WireMockServer wm;

    @Inject
    EconomicsRepository economics;

    static String fixture(String name) {
        try (InputStream in = StripeConnectionTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture page with every {@code created} moved from the fixture's month to {@link #MONTH}. */
    static String page(String name) {
        long shift = MONTH.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - FIXTURE.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        try {
            ObjectNode page = (ObjectNode) JSON.readTree(fixture(name));
            page.withArray("data").forEach(t -> ((ObjectNode) t).put("created", t.get("created").asLong() + shift));
            return JSON.writeValueAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serve(String prefix, String second) {
        wm.stubFor(get(urlPathEqualTo(prefix + "/v1/balance_transactions")).withQueryParam("starting_after", absent())
                .willReturn(okJson(page("balance-page1.json"))));
        wm.stubFor(get(urlPathEqualTo(prefix + "/v1/balance_transactions")).withQueryParam("starting_after", equalTo("txn_3Q0aA5"))
                .willReturn(second == null ? okJson(page("balance-page2.json"))
                        : aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(fixture(second))));
    }

    @BeforeAll
    static void stripe() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        serve("", null);
        serve("/outage", "error-500.json");
        wm.stubFor(get(urlPathEqualTo("/revoked/v1/balance_transactions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-401.json"))));
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    static String connect(String tenant, String name, String path) {
        Map<String, Object> body = Map.of("name", name, "kind", "stripe",
                "config", Map.of("accountId", "acct_1TestAcct0001", "accountName", "Acme payments", "backfillMonths", 0, "apiEndpoint", wm.baseUrl() + path),
                "credentials", Map.of("secret", "rk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        return given().header("Authorization", bearer(tenant, "stripe-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201).body("credentials.secret", org.hamcrest.Matchers.equalTo("***")).extract().path("id");
    }

    static JsonPath poll(String tenant, String id, int status) {
        String body = given().header("Authorization", bearer(tenant, "stripe-finops", "finops_admin"))
                .post("/api/v1/connections/" + id + "/stripe/poll?month=" + MONTH).then().statusCode(status).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static Map<String, BigDecimal> costs(String tenant) {
        JsonPath c = JsonPath.from(given().header("Authorization", bearer(tenant, "stripe-fin", "finance"))
                .get("/api/v1/costs?from=" + MONTH.atDay(1) + "&to=" + MONTH.plusMonths(1).atDay(1) + "&groupBy=service")
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map<String, Object> t : c.<Map<String, Object>>getList("totals")) out.put((String) t.get("currency"), new BigDecimal(t.get("amount").toString()));
        return out;
    }

    static void same(Map<String, String> expected, Map<String, BigDecimal> actual) {
        assertEquals(expected.keySet(), actual.keySet(), actual.toString());
        expected.forEach((k, v) -> assertEquals(0, new BigDecimal(v).compareTo(actual.get(k)), k + " " + actual));
    }

    @Test
    void feesLoadedOnceToTheCentAndRevenueBecomesMetrics() {
        String t = "stripe-ok";
        String id = connect(t, "acme-stripe", "");
        JsonPath first = poll(t, id, 200);
        assertEquals("succeeded", first.getString("status"), first.prettify());
        assertEquals(7, first.getInt("rows"));
        assertEquals(9, first.getInt("transactions"), "the transaction on both pages is read once");
        assertEquals(4L, first.getLong("orders"));
        assertEquals(0, new BigDecimal("130.00").compareTo(first.getObject("revenue.find { it.currency == 'USD' }.amount", BigDecimal.class)),
                "net revenue: sales less the refund");
        Map<String, String> fees = Map.of("EUR", "0.85", "JPY", "9000", "USD", "20.32");
        same(fees, costs(t));

        assertEquals(7, dev.outlay.support.FocusMandatory.check(t, MONTH.toString(), "Stripe"), "the FOCUS export has the rows, mandatory columns filled");
        assertEquals("duplicate", poll(t, id, 200).getString("status"), "an unchanged month is a duplicate");
        same(fees, costs(t));

        TenantContext.runAs(TenantContext.system(t), () -> {
            LocalDate from = MONTH.atDay(1);
            LocalDate to = MONTH.plusMonths(1).atDay(1);
            var usd = economics.values("stripe-revenue-usd", "", from, to);
            assertEquals(MONTH.lengthOfMonth(), usd.size(), "every day of the month, zero where nothing was sold");
            // day 2: 100.00 + 50.00 sold; day 3: a 20.00 refund, which is never negative as a metric value: it is carried
            // forward to the next USD sale of the month (there is none, so the values add up to 150.00 while the net is 130.00)
            assertEquals(0, new BigDecimal("150.00").compareTo(usd.get(from.plusDays(1))));
            assertEquals(0, BigDecimal.ZERO.compareTo(usd.get(from.plusDays(2))));
            assertEquals(0, new BigDecimal("250000").compareTo(economics.values("stripe-revenue-jpy", "", from, to).get(from.plusDays(9))));
            assertEquals(0, new BigDecimal("2").compareTo(economics.values("stripe-orders", "", from, to).get(from.plusDays(1))));
            assertTrue(economics.metric("stripe-revenue-eur").orElseThrow().unit().equals("EUR"));
            assertEquals(0, new BigDecimal("150.00").compareTo(usd.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        });

        given().header("Authorization", bearer("stripe-other", "x", "finops_admin")).post("/api/v1/connections/" + id + "/stripe/poll")
                .then().statusCode(404);
        given().header("Authorization", bearer(t, "stripe-fin", "finance")).post("/api/v1/connections/" + id + "/stripe/poll")
                .then().statusCode(403);
        given().header("Authorization", bearer(t, "stripe-finops", "finops_admin")).post("/api/v1/connections/" + id + "/stripe/poll?month=1999-01")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", org.hamcrest.Matchers.equalTo("month"));
    }

    @Test
    void anOutageOnPageTwoOrARevokedKeyLoadsNothing() {
        String t = "stripe-bad";
        String outage = connect(t, "outage", "/outage");
        poll(t, outage, 502);
        given().header("Authorization", bearer(t, "stripe-finops", "finops_admin")).post("/api/v1/connections/" + outage + "/stripe/poll?month=" + MONTH)
                .then().statusCode(502).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("GET /v1/balance_transactions (page 2): HTTP 500"))
                .body("detail", containsString("nothing was loaded (failed ingestion "));
        String revoked = connect(t, "revoked", "/revoked");
        given().header("Authorization", bearer(t, "stripe-finops", "finops_admin")).post("/api/v1/connections/" + revoked + "/stripe/poll?month=" + MONTH)
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("credentials.secret"))
                .body("detail", containsString("(page 1): API key rejected (HTTP 401): Invalid API Key provided: rk_test_****1234"));
        assertEquals(Map.of(), costs(t), "nothing half-written");
        TenantContext.runAs(TenantContext.system(t), () -> assertTrue(economics.metric("stripe-orders").isEmpty(), "no metric either"));
        given().header("Authorization", bearer(t, "stripe-admin", "admin")).get("/api/v1/connections/" + outage).then()
                .body("lastPoll.status", org.hamcrest.Matchers.equalTo("failed"));
    }
}
