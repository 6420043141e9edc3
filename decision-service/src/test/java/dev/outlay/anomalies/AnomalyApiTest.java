/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Detection over a ledger with a weekly pattern and one spike: found once, classified by the rule set, stable ids. */
@QuarkusTest
public class AnomalyApiTest {

    static final String T = "anomaly-a";
    static final LocalDate START = LocalDate.of(2024, 7, 1);
    static final LocalDate SPIKE = LocalDate.of(2024, 9, 10);

    /** FOCUS rows: 92 days of a weekday/weekend pattern (120 / 60), one day at 900, usage volume following cost. */
    public static String ledger() {
        return ledger("web-prod", 120, 60, 900, "");
    }

    /** The same shape at other levels, for another sub-account, with a FOCUS Tags cell (CSV-quoted JSON or empty). */
    public static String ledger(String subAccount, int weekday, int weekend, int spike, String tags) {
        StringBuilder sb = new StringBuilder("BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
                + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
                + "ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,InvoiceIssuerName,ListCost,PricingCategory,PricingQuantity,"
                + "PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ServiceCategory,ServiceName,SubAccountId,"
                + "SubAccountName,Tags\n");
        for (int i = 0; i < 92; i++) {
            LocalDate d = START.plusDays(i);
            int cost = d.equals(SPIKE) ? spike : (d.getDayOfWeek().getValue() >= 6 ? weekend : weekday);
            LocalDate bp = d.withDayOfMonth(1);
            sb.append(cost).append(".00,acct-9,Acme,EUR,").append(bp.plusMonths(1)).append("T00:00:00Z,").append(bp)
                    .append("T00:00:00Z,Usage,,VM hours,Usage-Based,").append(d.plusDays(1)).append("T00:00:00Z,").append(d)
                    .append("T00:00:00Z,").append(cost / 10).append(",Hours,").append(cost).append(".00,").append(cost)
                    .append(".00,Acme Cloud,").append(cost).append(".00,Standard,").append(cost / 10)
                    .append(",Hours,Acme Cloud,Acme Cloud,eu-central,Frankfurt,vm-1,Compute,VM,proj-9,").append(subAccount)
                    .append(',').append(tags).append('\n');
        }
        return sb.toString();
    }

    @Test
    void detectsTheSpikeOnceClassifiesItAndKeepsIdsStable() throws Exception {
        String fo = bearer(T, "fo", "finops_admin");
        String id = given().header("Authorization", fo).multiPart("source", "focus")
                .multiPart("file", "anomaly-ledger.csv", ledger().getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", fo).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status, given().header("Authorization", fo).get("/api/v1/ingestions/" + id).asString());

        Map<String, Object> window = Map.of("from", "2024-08-15", "to", "2024-09-25");
        List<Map<String, Object>> first = given().header("Authorization", fo).contentType(ContentType.JSON).body(window)
                .post("/api/v1/anomalies/detect").then().statusCode(200).extract().path("anomalies");
        assertEquals(1, first.size(), "exactly the spike, none on the weekend dips: " + first);
        Map<String, Object> a = first.get(0);
        assertEquals(SPIKE.toString(), a.get("day"));
        assertEquals("increase", a.get("direction"));
        List<Map<String, Object>> second = given().header("Authorization", fo).contentType(ContentType.JSON).body(window)
                .post("/api/v1/anomalies/detect").then().statusCode(200).extract().path("anomalies");
        // Each detection logs its classification anew (new decision id); everything else is identical.
        first.forEach(m -> m.remove("decisionId"));
        second.forEach(m -> m.remove("decisionId"));
        assertEquals(first, second, "same ledger and versions give the same anomalies (ids, scores, causes)");

        String anomalyId = (String) a.get("id");
        given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/anomalies/" + anomalyId)
                .then().statusCode(200).body("cause", notNullValue()).body("severity", notNullValue())
                .body("versionHash", notNullValue()).body("decisionId", notNullValue());
        given().header("Authorization", bearer("anomaly-b", "eng", "engineering")).get("/api/v1/anomalies/" + anomalyId).then().statusCode(404);
        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(window)
                .post("/api/v1/anomalies/detect").then().statusCode(403);

        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(Map.of("until", "2020-01-01"))
                .post("/api/v1/anomalies/" + anomalyId + "/snooze").then().statusCode(400).body("errors[0].field", equalTo("until"));
        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(Map.of("truePositive", true))
                .post("/api/v1/anomalies/" + anomalyId + "/feedback").then().statusCode(200).body("feedback", equalTo("true_positive"));
        given().header("Authorization", bearer(T, "eng", "engineering")).post("/api/v1/anomalies/" + anomalyId + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved"));
        given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/anomalies?status=resolved")
                .then().statusCode(200).body("$", hasSize(1));
    }
}
