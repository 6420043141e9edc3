/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies;

import dev.outlay.anomalies.api.DetectionJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled job over a ledger that allocation assigns to team ml: the spike is found on the account series
 * and on the owner's series, alerts once, is high, and the ml group gets a triage task; running the job again
 * triages nothing new. Then the tenant's settings: validated, audited, and used by the next detection.
 */
@QuarkusTest
class AnomalyTriageTest {

    static final String T = "anomaly-owner";

    @Inject
    DetectionJob job;

    private static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    static void ingest(String tenant, String name, String csv) throws InterruptedException {
        String auth = bearer(tenant, "fo", "finops_admin");
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", name, csv.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);
    }

    private static void ingestAndAllocate() throws InterruptedException {
        ingest(T, "owner-ledger.csv", AnomalyApiTest.ledger("ml-prod", 3000, 1500, 12000, "\"{\"\"team\"\":\"\"ml\"\"}\""));
        for (String period : List.of("2024-07", "2024-08", "2024-09")) {
            given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("billingPeriod", period))
                    .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        }
    }

    private static List<Map<String, Object>> ofOwner(String owner) {
        return given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/anomalies?owner=" + owner)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static long tasksFor(String violationId) {
        List<Map<String, Object>> inbox = given().header("Authorization", bearer(T, "oli", "engineering", "ml"))
                .get("/api/v1/inbox").then().statusCode(200).extract().jsonPath().getList("$");
        return inbox.stream().filter(t -> violationId.equals(t.get("subjectId"))).count();
    }

    @Test
    void scheduledDetectionRoutesAHighAnomalyToItsOwnersTriageOnce() throws Exception {
        ingestAndAllocate();
        assertTrue(job.detect(T) >= 1, "the recent window ends at the ledger's newest day and holds the spike");

        List<Map<String, Object>> ml = ofOwner("ml");
        List<Map<String, Object>> spike = ml.stream().filter(a -> AnomalyApiTest.SPIKE.toString().equals(a.get("day"))).toList();
        assertEquals(2, spike.size(), "the account series and the owner's series both see it: " + ml);
        Map<String, Object> alert = spike.stream().filter(a -> "new".equals(a.get("alert"))).findFirst().orElseThrow();
        Map<String, Object> twin = spike.stream().filter(a -> a != alert).findFirst().orElseThrow();
        assertEquals("sa=ml-prod|svc=VM", alert.get("series"));
        assertEquals("high", alert.get("severity"));
        assertEquals("duplicate", twin.get("alert"), "one event, one alert");
        assertEquals("unknown", twin.get("cause"), "an owner's series has no quantities to split the delta by");
        assertEquals(null, twin.get("rateEffect"));
        assertEquals(alert.get("alertId"), twin.get("alertId"));
        assertNotNull(alert.get("processInstanceId"));
        String violationId = (String) alert.get("violationId");
        assertNotNull(violationId);

        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/anomalies/" + alert.get("id")).then()
                .statusCode(200).body("processInstanceId", equalTo(alert.get("processInstanceId")))
                .body("owner", equalTo("ml"));
        assertEquals(1, tasksFor(violationId), "the owner group ml has the triage task");
        // The alert is an action event too, routed and queued in the detection's transaction (held: this tenant has
        // no "alerts" connection yet, so nothing is lost until one is created).
        List<Map<String, Object>> deliveries = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/deliveries")
                .then().statusCode(200).extract().path("findAll { it.subjectId == '" + alert.get("id") + "' }");
        assertEquals(1, deliveries.size(), "one event per alert: " + deliveries);
        assertEquals("anomaly_alert", deliveries.get(0).get("eventKind"));
        assertEquals("alerts", deliveries.get(0).get("target"));
        assertEquals("held", deliveries.get(0).get("status"));
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + violationId).then()
                .statusCode(200).body("owner", equalTo("ml")).body("evidence", org.hamcrest.Matchers.containsString((String) alert.get("id")));

        job.detect(T);
        Map<String, Object> again = ofOwner("ml").stream().filter(a -> a.get("id").equals(alert.get("id"))).findFirst().orElseThrow();
        assertEquals(alert.get("processInstanceId"), again.get("processInstanceId"), "no second triage for the same anomaly");
        assertEquals(alert.get("score"), again.get("score"));
        assertEquals(1, tasksFor(violationId));

        // A manual snooze holds across detections, even when new parameters give the same day a new id.
        given().header("Authorization", bearer(T, "oli", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("until", "2099-01-01")).post("/api/v1/anomalies/" + alert.get("id") + "/snooze")
                .then().statusCode(200).body("status", equalTo("snoozed"));
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("minScore", 5.5))
                .put("/api/v1/anomalies/settings").then().statusCode(200);
        job.detect(T);
        List<Map<String, Object>> redetected = ofOwner("ml").stream()
                .filter(a -> AnomalyApiTest.SPIKE.toString().equals(a.get("day")) && "sa=ml-prod|svc=VM".equals(a.get("series")))
                .toList();
        assertEquals(2, redetected.size(), "new parameters, new id: " + redetected);
        Map<String, Object> fresh = redetected.stream().filter(a -> !a.get("id").equals(alert.get("id"))).findFirst().orElseThrow();
        assertEquals("snoozed", fresh.get("alert"));
        assertEquals(null, fresh.get("processInstanceId"));
    }

    @Test
    void settingsAreValidatedAuditedAndUsed() throws Exception {
        String t = "anomaly-settings";
        given().header("Authorization", bearer(t, "eng", "engineering")).get("/api/v1/anomalies/settings").then().statusCode(200)
                .body("minScore", equalTo(5.0f)).body("triageMinSeverity", equalTo("medium"));
        given().header("Authorization", bearer(t, "eng", "engineering")).contentType(ContentType.JSON).body(Map.of("minScore", 6))
                .put("/api/v1/anomalies/settings").then().statusCode(403);
        given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("minScore", 0.5, "alertMinSeverity", "loud"))
                .put("/api/v1/anomalies/settings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("minScore", "alertMinSeverity")));
        given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("minAbsoluteImpact", 100000, "triageMinSeverity", "high"))
                .put("/api/v1/anomalies/settings").then().statusCode(200)
                .body("minAbsoluteImpact", equalTo(100000.00f)).body("minScore", equalTo(5.0f));
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/audit?action=anomaly_settings.update").then()
                .statusCode(200).body("action", hasItem("anomaly_settings.update"));

        ingest(t, "settings-ledger.csv", AnomalyApiTest.ledger());
        assertEquals(0, job.detect(t), "an impact of 780 is below the tenant's minimum of 100,000");
    }
}
