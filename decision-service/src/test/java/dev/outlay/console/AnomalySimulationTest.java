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
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An anomaly-classification draft simulated on stored anomalies: the one spike of the fixture ledger is re-classified
 * from its logged inputs under the active version (which must reproduce what was stored) and under a draft whose
 * severity table says "info" for everything, so exactly that anomaly changes severity; nothing is logged, and the
 * console page lists the same change.
 */
@QuarkusTest
class AnomalySimulationTest {

    static final String T = "studio-anomaly-sim";

    @Test
    void aSeverityDraftChangesExactlyTheStoredAnomalyAndLogsNothing() throws Exception {
        ConsolePagesTest.ingest(T, AnomalyApiTest.ledger());
        String fo = bearer(T, "fo", "finops_admin");
        List<Map<String, Object>> found = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("from", "2024-08-15", "to", "2024-09-25")).post("/api/v1/anomalies/detect")
                .then().statusCode(200).extract().path("anomalies");
        assertEquals(1, found.size());
        String id = (String) found.get(0).get("id");
        Map<String, Object> stored = given().header("Authorization", fo).get("/api/v1/anomalies/" + id).then().statusCode(200)
                .extract().path("");
        String severity = (String) stored.get("severity");
        assertNotEquals("info", severity, "the fixture's spike is more than informational");

        String active = given().header("Authorization", fo).get("/api/v1/rulesets/anomaly-classification").then().statusCode(200)
                .extract().path("ruleSet.activeHash");
        String xml = given().header("Authorization", fo).get("/api/v1/rulesets/anomaly-classification/versions/" + active)
                .then().statusCode(200).extract().path("content");
        String allInfo = xml.replaceAll("(<outputEntry id=\"sv0[1-7]o0\"><text>)\"[a-z]+\"(</text>)", "$1\"info\"$2");
        assertFalse(allInfo.equals(xml), "the severity rules sv01-sv07 were found");
        String draft = given().header("Authorization", fo).contentType("application/xml").body(allInfo)
                .post("/api/v1/rulesets/anomaly-classification/versions?note=all%20info").then().statusCode(201).extract().path("hash");
        int logged = given().header("Authorization", fo).get("/api/v1/decisions?ruleSet=anomaly-classification").then().extract().path("size()");

        JsonPath same = JsonPath.from(given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("draft", active, "from", "2024-08-15", "to", "2024-09-25"))
                .post("/api/v1/rulesets/anomaly-classification/simulations").then().statusCode(200).extract().asString());
        assertEquals(1, same.getInt("anomalies.evaluated"));
        assertEquals(0, same.getInt("anomalies.changed"), "the active version against itself changes nothing");

        JsonPath sim = JsonPath.from(given().header("Authorization", bearer(T, "aud", "auditor")).contentType(ContentType.JSON)
                .body(Map.of("draft", draft, "from", "2024-08-15", "to", "2024-09-25"))
                .post("/api/v1/rulesets/anomaly-classification/simulations").then().statusCode(200).extract().asString());
        assertEquals(1, sim.getInt("anomalies.anomalies"));
        assertEquals(1, sim.getInt("anomalies.changed"));
        assertEquals(1, sim.getInt("anomalies.severityChanged"));
        Map<String, Object> change = sim.getMap("anomalies.changes[0]");
        assertEquals(id, change.get("anomalyId"));
        assertEquals(severity, change.get("severityBaseline"), "the baseline reproduces the stored severity");
        assertEquals("info", change.get("severityDraft"));
        assertEquals(stored.get("routing") == null ? null : stored.get("routing").toString(), change.get("routingBaseline"));
        assertEquals(logged, (int) given().header("Authorization", fo).get("/api/v1/decisions?ruleSet=anomaly-classification")
                .then().extract().path("size()"), "a simulation logs no decision");

        String page = ConsoleBrowser.signIn(T, "finops_admin").as().queryParam("draft", draft).queryParam("from", "2024-08-15")
                .queryParam("to", "2024-09-25").get("/console/studio/rule-sets/anomaly-classification/simulate")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("/console/anomalies/" + id) && page.contains(severity + " → info"), page);
        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(Map.of("draft", draft))
                .post("/api/v1/rulesets/anomaly-classification/simulations").then().statusCode(403);
    }
}
