/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Metrics, KPIs and unit costs over a ledger loaded through the real pipeline: an invoice CSV ingested with a stored
 * mapping, then an allocation run of its billing period (the team tag makes the owner).
 */
@QuarkusTest
class UnitEconomicsApiTest {

    static final String T = "unit-econ";
    static final String INVOICE = """
            Invoice Date,Invoice No,Vendor Product,Line Description,Seats,Amount (USD),Type,Team
            2024-10-01,UE-1,CRM Cloud,CRM seats,50,1200.00,subscription,sales
            2024-10-02,UE-2,CRM Cloud,CRM seats,10,300.00,subscription,sales
            2024-10-03,UE-3,CRM Cloud,CRM seats,10,99.99,subscription,sales
            """;

    static String finops() {
        return bearer(T, "ue-finops", "finops_admin");
    }

    /** Numbers as BigDecimal: JsonPath's default float would hide the last digits. */
    static JsonPath exact(String json) {
        return JsonPath.from(json).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static boolean loaded;

    /** Once per class, after Quarkus is up (a static @BeforeAll runs before the application listens). */
    static synchronized void loadLedger() throws InterruptedException {
        if (loaded) return;
        loaded = true;
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(dev.outlay.security.IsolationFixtures.MAPPING)
                .put("/api/v1/sources/invoice-csv/mapping").then().statusCode(200);
        String ingestion = given().header("Authorization", finops()).multiPart("source", "invoice-csv")
                .multiPart("file", "invoice.csv", INVOICE.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops()).get("/api/v1/ingestions/" + ingestion).then().extract().path("status");
        }
        assertEquals("succeeded", status);
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-10"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
    }

    @Test
    void metricValuesKpiAndUnitCosts() throws InterruptedException {
        loadLedger();
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("unit", "requests", "scope", "team", "description", "API requests served per team"))
                .put("/api/v1/metrics/requests").then().statusCode(200).body("grain", equalTo("daily")).body("scope", equalTo("team"));
        // first post, then a re-post of the same key replaces it
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body("[{\"day\":\"2024-10-01\",\"scopeValue\":\"sales\",\"value\":\"1\"}]")
                .post("/api/v1/metrics/requests/values").then().statusCode(200).body("stored", equalTo(1));
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body("[{\"day\":\"2024-10-01\",\"scopeValue\":\"sales\",\"value\":\"400\"}]")
                .post("/api/v1/metrics/requests/values").then().statusCode(200);
        // CSV with a byte-order mark: day 2 is zero, day 3 given
        given().header("Authorization", finops()).contentType("text/csv; charset=UTF-8")
                .body("\uFEFFday,scopeValue,value\n2024-10-02,sales,0\r\n2024-10-03,sales,3\n")
                .post("/api/v1/metrics/requests/values").then().statusCode(200).body("stored", equalTo(2));

        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("numerator", Map.of("dimension", "team", "value", "sales"), "metric", "requests"))
                .put("/api/v1/kpis/cost-per-request").then().statusCode(200).body("numeratorValue", equalTo("sales"));
        given().header("Authorization", bearer(T, "ue-lead", "leadership")).get("/api/v1/kpis/cost-per-request").then().statusCode(200);
        given().header("Authorization", bearer(T, "ue-lead", "leadership")).get("/api/v1/metrics").then().statusCode(200)
                .body("name", hasItem("requests"));

        String url = "/api/v1/unit-costs?kpi=cost-per-request&from=2024-10-01&to=2024-10-05";
        String json = given().header("Authorization", bearer(T, "ue-fin", "finance")).get(url).then().statusCode(200).extract().asString();
        JsonPath p = exact(json);
        assertEquals(4, p.getList("rows").size(), p.prettify());
        // 1200.00 / 400 = 3; day 2: metric 0 -> null; 99.99 / 3 = 33.33; day 4: no metric -> null, no cost
        assertEquals(0, new BigDecimal("3").compareTo((BigDecimal) p.get("rows[0].unitCost")));
        assertEquals("USD", p.getString("rows[0].currency"));
        assertNull(p.get("rows[1].unitCost"));
        assertEquals(0, new BigDecimal("300.00").compareTo((BigDecimal) p.get("rows[1].cost")));
        assertEquals(0, new BigDecimal("33.33").compareTo((BigDecimal) p.get("rows[2].unitCost")));
        assertNull(p.get("rows[3].unitCost"));
        assertNull(p.get("rows[3].metricValue"));
        // deterministic: the same request gives the same bytes
        assertEquals(json, given().header("Authorization", bearer(T, "ue-fin", "finance")).get(url).then().extract().asString());

        // month grain over the first three days: (1200 + 300 + 99.99) / (400 + 0 + 3) = 1599.99 / 403 = 3.9701985112 (3.97019851116...)
        JsonPath m = exact(given().header("Authorization", finops())
                .get("/api/v1/unit-costs?kpi=cost-per-request&from=2024-10-01&to=2024-10-04&grain=month").then().statusCode(200).extract().asString());
        assertEquals("2024-10", m.getString("rows[0].period"));
        assertEquals(0, new BigDecimal("3.9701985112").compareTo((BigDecimal) m.get("rows[0].unitCost")), m.prettify());

        String csv = given().header("Authorization", finops()).get(url + "&format=csv").then().statusCode(200).extract().asString();
        assertEquals("""
                period,currency,cost,metricValue,metricDays,days,unitCost
                2024-10-01,USD,1200.00,400,1,1,3.0000000000
                2024-10-02,USD,300.00,0,1,1,
                2024-10-03,USD,99.99,3,1,1,33.3300000000
                2024-10-04,USD,0.00,,0,1,
                """, csv);
    }

    @Test
    void badCsvIsRefusedWithItsLineAndStoresNothing() throws InterruptedException {
        loadLedger();
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("unit", "orders", "scope", "team"))
                .put("/api/v1/metrics/orders").then().statusCode(200);
        given().header("Authorization", finops()).contentType("text/csv")
                .body("day,scopeValue,value\n2024-10-01,sales,5\n2024-10-02,sales,-1\n2024-13-01,sales,2\n")
                .post("/api/v1/metrics/orders/values").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo(3))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo(1));
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("numerator", Map.of("dimension", "team", "value", "sales"), "metric", "orders"))
                .put("/api/v1/kpis/cost-per-order").then().statusCode(200);
        JsonPath p = exact(given().header("Authorization", finops())
                .get("/api/v1/unit-costs?kpi=cost-per-order&from=2024-10-01&to=2024-10-02").then().statusCode(200).extract().asString());
        assertNull(p.get("rows[0].metricValue"), "the good first row of the refused file was not stored");
        // an unscoped row for a scoped metric is refused too (JSON names the index)
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body("[{\"day\":\"2024-10-01\",\"value\":\"5\"}]")
                .post("/api/v1/metrics/orders/values").then().statusCode(422).body("errors[0].field", equalTo("[0].scopeValue"));
    }

    @Test
    void otherTenantsSeeNothingAndRolesAreChecked() {
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("unit", "customers"))
                .put("/api/v1/metrics/customers").then().statusCode(200);
        String other = bearer("unit-econ-b", "b-admin", "finops_admin");
        given().header("Authorization", other).get("/api/v1/metrics/customers").then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/metrics").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", other).get("/api/v1/kpis").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", other).contentType(ContentType.JSON).body("[{\"day\":\"2024-10-01\",\"value\":\"5\"}]")
                .post("/api/v1/metrics/customers/values").then().statusCode(404);
        given().header("Authorization", bearer(T, "ue-eng", "engineering")).contentType(ContentType.JSON).body(Map.of("unit", "x"))
                .put("/api/v1/metrics/customers").then().statusCode(403);
        given().header("Authorization", bearer(T, "ue-fin", "finance")).contentType(ContentType.JSON)
                .body("[{\"day\":\"2024-10-01\",\"value\":\"5\"}]").post("/api/v1/metrics/customers/values").then().statusCode(403);
        given().header("Authorization", bearer(T, "ue-appr", "approver")).get("/api/v1/metrics").then().statusCode(403);
        given().header("Authorization", bearer(T, "ue-appr", "approver")).get("/api/v1/unit-costs?kpi=x&from=2024-10-01&to=2024-10-02").then().statusCode(403);
    }
}
