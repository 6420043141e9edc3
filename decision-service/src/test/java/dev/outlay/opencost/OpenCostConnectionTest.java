/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.opencost;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The no-double-counting choice, tested: a cloud bill with the cluster's node cost, then the cluster's OpenCost
 * allocations loaded through an opencost connection. Effective and billed totals stay the bill's to the cent; grouped
 * by namespace the allocations show; without a namespace the node cost less what was re-allocated remains.
 */
@QuarkusTest
class OpenCostConnectionTest {

    static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    static WireMockServer wm;

    static String fixture(String name) {
        try (InputStream in = OpenCostConnectionTest.class.getResourceAsStream("/opencost/" + name)) {
            // The fixture's days (2026-11-01..03) moved to last month, so the test holds whenever it runs.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("2026-11-", MONTH + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void opencost() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/allocation/compute")).willReturn(okJson(fixture("allocation-nov.json"))));
        wm.stubFor(get(urlPathEqualTo("/down/allocation/compute")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    /** The cloud bill: the cluster's two nodes on account 123456789012, 15.00 USD a day. */
    static byte[] bill() {
        String header = "BillingAccountId,BillingAccountName,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,"
                + "ChargeDescription,BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ProviderName,PublisherName,InvoiceIssuerName,"
                + "ServiceCategory,ServiceName,ResourceId,PricingQuantity,PricingUnit,Tags\n";
        StringBuilder b = new StringBuilder(header);
        for (int d = 1; d <= 2; d++) {
            String day = MONTH.atDay(d).toString();
            b.append("123456789012,prod,").append(MONTH.atDay(1)).append("T00:00:00Z,").append(MONTH.plusMonths(1).atDay(1)).append("T00:00:00Z,")
                    .append(day).append("T00:00:00Z,").append(MONTH.atDay(d + 1)).append("T00:00:00Z,Usage,prod-eu nodes,15.00,15.00,15.00,15.00,USD,")
                    .append("AWS,AWS,AWS,Compute,Amazon EC2,i-0node,48,Hours,\"{\"\"eks:cluster-name\"\":\"\"prod-eu\"\"}\"\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String await(String tenant, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String status;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", bearer(tenant, "oc-fin", "finance")).get("/api/v1/ingestions/" + id).then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        return status;
    }

    static String connect(String tenant, String name, String path) {
        Map<String, Object> body = Map.of("name", name, "kind", "opencost",
                "config", Map.of("endpoint", wm.baseUrl() + path, "cluster", "prod-eu", "nodeAccountId", "123456789012", "backfillMonths", 0));
        return given().header("Authorization", bearer(tenant, "oc-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
    }

    static JsonPath exact(String s) {
        return JsonPath.from(s).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static JsonPath costs(String tenant, String query) {
        return exact(given().header("Authorization", bearer(tenant, "oc-fin", "finance"))
                .get("/api/v1/costs?from=" + MONTH.atDay(1) + "&to=" + MONTH.plusMonths(1).atDay(1) + query).then().statusCode(200).extract().asString());
    }

    static BigDecimal total(JsonPath report) {
        List<Map<String, Object>> totals = report.getList("totals");
        assertEquals(1, totals.size(), report.prettify());
        return new BigDecimal(totals.get(0).get("amount").toString());
    }

    @Test
    void namespacesShowTheClusterCostWithoutAddingItTwice() throws InterruptedException {
        String t = "opencost-ok";
        String bill = given().header("Authorization", bearer(t, "oc-finops", "finops_admin")).multiPart("source", "focus").multiPart("connection", "aws-cur")
                .multiPart("file", "bill.csv", bill(), "text/csv").post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        assertEquals("succeeded", await(t, bill));
        String id = connect(t, "prod-eu", "");
        String finops = bearer(t, "oc-finops", "finops_admin");
        JsonPath polled = exact(given().header("Authorization", finops).post("/api/v1/connections/" + id + "/opencost/poll?month=" + MONTH)
                .then().statusCode(200).extract().asString());
        assertEquals("succeeded", polled.getString("status"), polled.prettify());
        assertEquals(20, polled.getInt("rows"));
        assertEquals(0, new BigDecimal("27.995968").compareTo(polled.getObject("allocated", BigDecimal.class)));

        assertEquals(0, new BigDecimal("30.00").compareTo(total(costs(t, "&groupBy=service"))), "effective cost: the bill's, once");
        assertEquals(0, new BigDecimal("30.00").compareTo(total(costs(t, "&groupBy=service&metric=billedCost"))), "billed cost: the bill's");
        Map<String, BigDecimal> byNamespace = new HashMap<>();
        for (Map<String, Object> r : costs(t, "&groupBy=tag:k8s-namespace").<Map<String, Object>>getList("rows")) {
            Object ns = ((Map<?, ?>) r.get("dimensions")).get("tag:k8s-namespace");
            byNamespace.merge(ns == null ? "" : ns.toString(), new BigDecimal(r.get("amount").toString()), BigDecimal::add);
        }
        assertEquals(0, new BigDecimal("12.845956").compareTo(byNamespace.get("checkout")), byNamespace.toString());
        assertEquals(0, new BigDecimal("10.000012").compareTo(byNamespace.get("search")), byNamespace.toString());
        assertEquals(0, new BigDecimal("0.75").compareTo(byNamespace.get("kube-system")), byNamespace.toString());
        // the bill (30.00) less the offsets (27.995968) plus idle capacity (4.40), which no namespace used
        assertEquals(0, new BigDecimal("6.404032").compareTo(byNamespace.get("")), byNamespace.toString());

        assertEquals(20, dev.outlay.support.FocusMandatory.check(t, MONTH.toString(), "Kubernetes"), "the FOCUS export has the rows, mandatory columns filled");
        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/opencost/poll?month=" + MONTH).then().statusCode(200)
                .body("status", equalTo("duplicate"));
        assertEquals(0, new BigDecimal("30.00").compareTo(total(costs(t, "&groupBy=service"))));

        String down = connect(t, "down", "/down");
        given().header("Authorization", finops).post("/api/v1/connections/" + down + "/opencost/poll?month=" + MONTH).then().statusCode(502)
                .body("detail", containsString("GET /allocation/compute (")).body("detail", containsString("nothing was loaded"));
        assertEquals(0, new BigDecimal("30.00").compareTo(total(costs(t, "&groupBy=service"))));
        given().header("Authorization", bearer("opencost-other", "x", "finops_admin")).post("/api/v1/connections/" + id + "/opencost/poll").then().statusCode(404);
    }
}
