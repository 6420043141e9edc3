/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.anomalies.AnomalyApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anomaly queue and page: the API's anomalies, the detector's band around the spike, and the owner's actions. */
@QuarkusTest
class AnomalyPagesTest {

    static final String T = "console-anomalies";

    @Test
    void theQueueAndPageShowTheSpikeOutsideItsBandAndActThroughTheApi() throws Exception {
        ConsolePagesTest.ingest(T, AnomalyApiTest.ledger());
        String fo = bearer(T, "fo", "finops_admin");
        List<Map<String, Object>> found = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("from", "2024-08-15", "to", "2024-09-25")).post("/api/v1/anomalies/detect")
                .then().statusCode(200).extract().path("anomalies");
        assertEquals(1, found.size());
        String id = (String) found.get(0).get("id");

        ConsoleBrowser eng = ConsoleBrowser.signIn(T, "engineering");
        String queue = eng.as().queryParam("from", "2024-09-01").get("/console/anomalies").then().statusCode(200).extract().asString();
        assertTrue(queue.contains("data-anomaly=\"" + id + "\"") && queue.contains("<td>web-prod · VM</td>"), queue);
        String none = eng.as().queryParam("status", "resolved").get("/console/anomalies").then().statusCode(200).extract().asString();
        assertFalse(none.contains("data-anomaly="), "the status filter is the API's");
        eng.as().queryParam("from", "yesterday").get("/console/anomalies").then().statusCode(400);

        String page = eng.as().get("/console/anomalies/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td data-cost>900.00 EUR</td>"), page);
        // The band comes from the detector: the spike's day lies above it, no other day leaves it.
        Map<String, Object> band = given().header("Authorization", fo).get("/api/v1/anomalies/" + id + "/band").then().statusCode(200)
                .extract().path("$");
        assertEquals(List.of("EUR"), band.get("currencies"));
        assertEquals(Boolean.TRUE, band.get("sameSettings"));
        Matcher rows = Pattern.compile("<tr( data-anomaly-day)?><td>([0-9-]+)[^<]*</td><td class=\"num\">([0-9.]+)</td>(?:<td class=\"num\">[0-9.-]+</td>){3}<td>(above|below|)</td></tr>")
                .matcher(page);
        int days = 0;
        for (; rows.find(); days++) {
            boolean spike = rows.group(1) != null;
            assertEquals(spike ? "above" : "", rows.group(4), rows.group(0));
            if (spike) assertEquals("2024-09-10", rows.group(2));
        }
        assertEquals(((List<?>) band.get("days")).size(), days, "one table row per band day");
        assertTrue(days > 30, "a month before and two weeks after the spike: " + days);
        assertTrue(page.contains("<polygon") && page.contains("<circle"), "the band and the marked day");

        // Act as the owner would: a past snooze date is the API's 400 next to the form, feedback and resolve are recorded.
        String refused = eng.as().formParam("csrf", eng.csrf).formParam("until", "2020-01-01").post("/console/anomalies/" + id + "/snooze")
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"refusal\"") && refused.contains("field until"), refused);
        eng.as().formParam("csrf", "forged").post("/console/anomalies/" + id + "/resolve").then().statusCode(403);
        eng.as().formParam("csrf", eng.csrf).formParam("truePositive", "true").post("/console/anomalies/" + id + "/feedback").then().statusCode(200);
        String resolved = eng.as().formParam("csrf", eng.csrf).post("/console/anomalies/" + id + "/resolve").then().statusCode(200).extract().asString();
        assertTrue(resolved.contains("<td data-status>resolved, feedback true_positive</td>"), resolved);
        assertEquals("resolved", given().header("Authorization", fo).get("/api/v1/anomalies/" + id).then().extract().path("status"));

        // Leadership reads but cannot act; another tenant gets 404; an approver has no anomaly pages.
        ConsoleBrowser lead = ConsoleBrowser.signIn(T, "leadership");
        assertFalse(lead.as().get("/console/anomalies/" + id).then().statusCode(200).extract().asString().contains("action=\"/console/anomalies/" + id + "/resolve\""));
        lead.as().formParam("csrf", lead.csrf).post("/console/anomalies/" + id + "/resolve").then().statusCode(403);
        ConsoleBrowser.signIn("console-anomalies-other", "engineering").as().get("/console/anomalies/" + id).then().statusCode(404);
        given().header("Authorization", bearer("console-anomalies-other", "fo", "finops_admin")).get("/api/v1/anomalies/" + id + "/band").then().statusCode(404);
        ConsoleBrowser.signIn(T, "approver").as().get("/console/anomalies").then().statusCode(403);
    }
}
