/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unit-cost KPI anomaly through the real path: an invoice ledger ingested, allocation runs of its two months, a
 * business metric pushed by API, a KPI, then the anomaly detector, the classification rule set, alerting and triage.
 * Golden numbers by hand: 42 days of 10 000.00 USD for 1 000 orders (unit cost 10), then 15 000.00 USD for 1 200
 * orders (unit cost 12.5): Δcost 5 000 = volume 200 × 10 = 2 000 + efficiency 1 200 × 2.5 = 3 000.
 */
@QuarkusTest
class UnitCostAnomalyTest {

    static final String T = "unit-cost-anomaly";
    static final LocalDate START = LocalDate.of(2024, 9, 1);
    static final LocalDate SPIKE = START.plusDays(42);

    static JsonPath exact(String json) {
        return JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void eq(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void aKpiAnomalySplitsItsCauseIntoVolumeAndEfficiency() throws InterruptedException {
        String fo = bearer(T, "uca-fo", "finops_admin");
        StringBuilder invoice = new StringBuilder("Invoice Date,Invoice No,Vendor Product,Line Description,Seats,Amount (USD),Type,Team\n");
        StringBuilder orders = new StringBuilder("day,scopeValue,value\n");
        for (int d = 0; d <= 42; d++) {
            LocalDate day = START.plusDays(d);
            invoice.append(day).append(",UCA-").append(d).append(",Shop API,compute,1,").append(d == 42 ? "15000.00" : "10000.00")
                    .append(",usage,sales\n");
            orders.append(day).append(",sales,").append(d == 42 ? 1200 : 1000).append('\n');
        }
        given().header("Authorization", fo).contentType(ContentType.JSON).body(dev.outlay.security.IsolationFixtures.MAPPING)
                .put("/api/v1/sources/invoice-csv/mapping").then().statusCode(200);
        String ingestion = given().header("Authorization", fo).multiPart("source", "invoice-csv")
                .multiPart("file", "invoice.csv", invoice.toString().getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", fo).get("/api/v1/ingestions/" + ingestion).then().extract().path("status");
        }
        assertEquals("succeeded", status);
        for (String period : List.of("2024-09", "2024-10")) {
            given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("billingPeriod", period))
                    .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        }
        given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("unit", "orders", "scope", "team"))
                .put("/api/v1/metrics/orders").then().statusCode(200);
        given().header("Authorization", fo).contentType("text/csv").body(orders.toString())
                .post("/api/v1/metrics/orders/values").then().statusCode(200).body("stored", org.hamcrest.Matchers.equalTo(43));
        given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("numerator", Map.of("dimension", "team", "value", "sales"), "metric", "orders"))
                .put("/api/v1/kpis/cost-per-order").then().statusCode(200);

        String detected = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("from", SPIKE.toString(), "to", SPIKE.toString())).post("/api/v1/anomalies/detect")
                .then().statusCode(200).extract().asString();
        JsonPath d = exact(detected);
        List<Map<String, Object>> kpi = d.getList("anomalies.findAll { it.kpi == 'cost-per-order' }");
        assertEquals(1, kpi.size(), d.prettify());
        String id = (String) kpi.get(0).get("id");

        String detail = given().header("Authorization", bearer(T, "uca-lead", "leadership")).get("/api/v1/anomalies/" + id)
                .then().statusCode(200).extract().asString();
        JsonPath a = exact(detail);
        assertEquals("kpi=cost-per-order|ccy=USD", a.getString("series"));
        assertEquals("USD", a.getString("currency"));
        assertEquals(SPIKE.toString(), a.getString("day"));
        eq("15000.00", a.get("cost"));
        eq("10000.00", a.get("baseline"));
        eq("5000.00", a.get("impact"));
        eq("1000", a.get("metricBaseline"));
        eq("1200", a.get("metricObserved"));
        eq("10", a.get("unitCostBaseline"));
        eq("12.5", a.get("unitCostObserved"));
        eq("2000", a.get("volumeEffect"));
        eq("3000", a.get("rateEffect"));
        assertEquals("mixed", a.getString("unitCostDriver"), "3 000 / 5 000 = 60 %: below the 70 % to name one driver");
        assertEquals("sales", a.getString("owner"), "the KPI's numerator team");
        assertNotNull(a.getString("cause"), "classified by the anomaly-classification rule set");
        assertNotNull(a.getString("versionHash"));
        assertNotNull(a.getString("alert"), "through the alert planner");
        if (List.of("medium", "high", "critical").contains(a.getString("severity"))) {
            assertNotNull(a.getString("violationId"), "medium and above start triage: " + detail);
        }
        // the account series alerts on the same day too; the KPI's alert is not folded into it as a duplicate
        assertEquals("new", a.getString("alert"), detail);

        // re-detection: same id, same stored figures (deterministic)
        given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("from", SPIKE.toString(), "to", SPIKE.toString())).post("/api/v1/anomalies/detect").then().statusCode(200);
        JsonPath again = exact(given().header("Authorization", fo).get("/api/v1/anomalies/" + id).then().statusCode(200).extract().asString());
        for (String f : List.of("volumeEffect", "rateEffect", "unitCostBaseline", "unitCostObserved", "metricBaseline", "metricObserved")) {
            assertEquals(a.get(f).toString(), again.get(f).toString(), f);
        }

        // the band of a KPI series and the console's detail
        Map<String, Object> band = given().header("Authorization", fo).get("/api/v1/anomalies/" + id + "/band").then().statusCode(200).extract().path("$");
        assertEquals(List.of("USD"), band.get("currencies"));
        assertTrue(!((List<?>) band.get("days")).isEmpty(), band.toString());
        String page = ConsoleBrowser.signIn(T, "leadership").as().get("/console/anomalies/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"unit-cost\"") && page.contains("<td data-driver>mixed</td>"), page);
        given().header("Authorization", bearer("unit-cost-anomaly-b", "b", "finops_admin")).get("/api/v1/anomalies/" + id).then().statusCode(404);
    }
}
