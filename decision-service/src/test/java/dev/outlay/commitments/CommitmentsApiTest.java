/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recommendations over a FOCUS ledger loaded through the pipeline: 20 days of EC2 instance usage alternating 48 and 240
 * on-demand dollars a day (2 and 10 an hour), not covered, plus 100 a day already covered by a Savings Plan.
 */
@QuarkusTest
class CommitmentsApiTest {

    static final String T = "commit-a-" + ProcessHandle.current().pid();
    static final String URL = "/api/v1/commitments/recommendations?asOf=2024-10-21&lookbackDays=60";
    static final String HEADER = "BilledCost,BillingAccountId,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargePeriodEnd,"
            + "ChargePeriodStart,CommitmentDiscountId,ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,ListCost,PricingCategory,"
            + "ProviderName,RegionId,ResourceId,ResourceType,ServiceCategory,ServiceName,x_UsageType";
    private static boolean loaded;

    static String finops() {
        return bearer(T, "cm-finops", "finops_admin");
    }

    static JsonPath exact(String json) {
        return JsonPath.from(json).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String ledger() {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 20; i++) {
            LocalDate d = LocalDate.parse("2024-10-01").plusDays(i);
            String cost = i % 2 == 0 ? "48.00" : "240.00";
            String hours = i % 2 == 0 ? "500" : "2500";
            sb.append(cost).append(",cm-acct,USD,2024-11-01T00:00:00Z,2024-10-01T00:00:00Z,Usage,").append(d.plusDays(1)).append("T00:00:00Z,")
                    .append(d).append("T00:00:00Z,,").append(hours).append(",Hrs,").append(cost).append(',').append(cost).append(',').append(cost)
                    .append(",Standard,AWS,us-east-1,i-od,Compute Instance,Compute,Amazon Elastic Compute Cloud,USE1-BoxUsage:m5.large\r\n");
            // covered by a held plan: counted for coverage, not sized on
            sb.append("0,cm-acct,USD,2024-11-01T00:00:00Z,2024-10-01T00:00:00Z,Usage,").append(d.plusDays(1)).append("T00:00:00Z,")
                    .append(d).append("T00:00:00Z,arn:aws:savingsplans::1:savingsplan/held,1000,Hrs,72.00,72.00,100.00,Committed,AWS,us-east-1,")
                    .append("i-sp,Compute Instance,Compute,Amazon Elastic Compute Cloud,USE1-BoxUsage:m5.large\r\n");
        }
        // not eligible: storage, and spot
        sb.append("30.00,cm-acct,USD,2024-11-01T00:00:00Z,2024-10-01T00:00:00Z,Usage,2024-10-02T00:00:00Z,2024-10-01T00:00:00Z,,100,GB-Mo,30.00,30.00,30.00,")
                .append("Standard,AWS,us-east-1,vol-1,Storage,Storage,Amazon Elastic Compute Cloud,EBS:VolumeUsage.gp3\r\n");
        sb.append("9.00,cm-acct,USD,2024-11-01T00:00:00Z,2024-10-01T00:00:00Z,Usage,2024-10-02T00:00:00Z,2024-10-01T00:00:00Z,,100,Hrs,9.00,9.00,30.00,")
                .append("Dynamic,AWS,us-east-1,i-spot,Compute Instance,Compute,Amazon Elastic Compute Cloud,USE1-SpotUsage:m5.large\r\n");
        return sb.toString();
    }

    static synchronized void load() throws InterruptedException {
        if (loaded) return;
        loaded = true;
        String id = given().header("Authorization", finops()).multiPart("source", "focus").multiPart("connection", "cm-focus")
                .multiPart("file", "commitments.csv", ledger().getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops()).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);
    }

    static void same(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void recommendationsAndAPurchaseRequest() throws Exception {
        load();
        String json = given().header("Authorization", bearer(T, "cm-fin", "finance")).get(URL).then().statusCode(200).extract().asString();
        JsonPath p = exact(json);
        assertEquals("aws-compute-savings-plans", p.getString("pool"));
        assertEquals("aws-compute-sp-c5xlarge-windows-apne1", p.getString("priceTable.name"));
        assertEquals(64, p.getString("priceTable.version").length());
        assertEquals(1, p.getList("recommendations").size(), p.prettify());
        assertEquals("USD", p.getString("recommendations[0].currency"));
        // held plan: 20 × 100 covered of 20 × 100 + 10 × 48 + 10 × 240 = 4880 eligible → 0.409836
        same("0.409836", p.get("recommendations[0].currentCoverage"));
        assertEquals("RECOMMENDED", p.getString("recommendations[0].recommendation.status"));
        assertEquals(20, p.getInt("recommendations[0].recommendation.basisDays"));
        // every bundled discount is below 50 %, and half the hours run at 2/h: the d-quantile is 2/h for all six offers
        List<Map<String, Object>> offers = p.getList("recommendations[0].recommendation.offers");
        assertEquals(6, offers.size());
        for (int i = 0; i < 6; i++) same("2", p.get("recommendations[0].recommendation.offers[" + i + "].coveredOdePerHour"));
        // 1 year No Upfront: d = 1 − 0.361 / 0.398 = 0.0929648241 → 2 × 0.9070351759 = 1.8140703518/h; × 8760 = 15891.2562817680
        same("1.8140703518", p.get("recommendations[0].recommendation.offers[0].hourlyCommitment"));
        same("15891.2562817680", p.get("recommendations[0].recommendation.offers[0].totalCommitment"));
        // spot and storage are not eligible: the basis ODE is 2880 per 480 h → 4380 a month
        same("4380", p.get("recommendations[0].recommendation.currentMonthlyOde"));
        String id = p.getString("recommendations[0].id");
        assertEquals(json, given().header("Authorization", finops()).get(URL).then().extract().asString(), "same ledger, same bytes");

        // a stale id is refused, nothing is requested
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("recommendationId", "0".repeat(64), "currency", "USD", "termYears", 1, "payment", "NO_UPFRONT",
                        "asOf", "2024-10-21", "lookbackDays", 60, "owner", "platform"))
                .post("/api/v1/commitments/recommendations/purchase-requests").then().statusCode(409).contentType("application/problem+json");

        var created = given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("recommendationId", id, "currency", "USD", "termYears", 1, "payment", "NO_UPFRONT",
                        "asOf", "2024-10-21", "lookbackDays", 60, "owner", "platform", "environment", "prod"))
                .post("/api/v1/commitments/recommendations/purchase-requests").then().extract();
        assertTrue(created.statusCode() == 201 || created.statusCode() == 422, created.asString());
        JsonPath c = exact(created.asString());
        String requestPath = created.statusCode() == 201 ? "spendRequest" : "purchase.spendRequest";
        String spendId = c.getString(requestPath + ".id");
        same("15891.26", c.get(requestPath + ".amount"));
        assertEquals(id, c.getString(created.statusCode() == 201 ? "recommendationId" : "purchase.recommendationId"));
        // the spend request is a real one: the policy decided it, and an escalation waits in the approval process
        JsonPath s = exact(given().header("Authorization", finops()).get("/api/v1/spend-requests/" + spendId).then().statusCode(200)
                .extract().asString());
        assertTrue(s.getString("description").contains(id));
        assertTrue(List.of("allowed", "warned", "pending_approval", "blocked").contains(s.getString("status")), s.prettify());
        if (s.getString("status").equals("pending_approval")) assertTrue(s.getString("approverGroup") != null);
    }

    @Test
    void badInputAndRolesAndTenants() throws Exception {
        load();
        given().header("Authorization", finops()).get("/api/v1/commitments/recommendations?lookbackDays=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("lookbackDays"));
        given().header("Authorization", finops()).get("/api/v1/commitments/recommendations?lookbackDays=3").then().statusCode(400)
                .body("errors[0].field", equalTo("lookbackDays"));
        given().header("Authorization", finops()).get("/api/v1/commitments/recommendations?asOf=2024-02-30").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().header("Authorization", finops()).contentType(ContentType.JSON)
                .body(Map.of("recommendationId", "x", "currency", "USD", "termYears", 2, "payment", "SOMETIMES"))
                .post("/api/v1/commitments/recommendations/purchase-requests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("termYears", "payment"));

        given().get(URL).then().statusCode(401);
        given().header("Authorization", bearer(T, "cm-eng", "engineering")).get(URL).then().statusCode(403);
        given().header("Authorization", bearer(T, "cm-fin", "finance")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/commitments/recommendations/purchase-requests").then().statusCode(403);
        given().header("Authorization", bearer(T, "cm-plat", "platform")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/commitments/recommendations/purchase-requests").then().statusCode(403);
        // another tenant: no eligible usage, no recommendation, and a purchase request names no recommendation of its own
        String other = bearer("commit-b-" + ProcessHandle.current().pid(), "cm-b", "finops_admin");
        given().header("Authorization", other).get(URL).then().statusCode(200).body("recommendations.size()", equalTo(0));
        String id = exact(given().header("Authorization", finops()).get(URL).then().extract().asString()).getString("recommendations[0].id");
        given().header("Authorization", other).contentType(ContentType.JSON)
                .body(Map.of("recommendationId", id, "currency", "USD", "termYears", 1, "payment", "NO_UPFRONT", "asOf", "2024-10-21"))
                .post("/api/v1/commitments/recommendations/purchase-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("currency"));
    }
}
