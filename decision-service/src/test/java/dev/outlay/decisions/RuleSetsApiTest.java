/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The rule-set lifecycle over HTTP: seeding, drafts, validation, tenancy, publish, evaluate, replay, impact. */
@QuarkusTest
class RuleSetsApiTest {

    static final Map<String, Object> MID_REQUEST = Map.of("resourceClass", "standard", "environment", "prod", "amount", 4500,
            "budgetRemaining", 20000, "forecastOverrunPct", 0, "owner", "web");

    static String admin(String tenant) {
        return bearer(tenant, tenant + "-fa", "finops_admin");
    }

    @Test
    void everyTenantStartsWithTheBundledRuleSetsPublished() {
        given().header("Authorization", bearer("rs-seed", "u", "auditor")).get("/api/v1/rulesets")
                .then().statusCode(200)
                .body("name", containsInAnyOrder("allocation", "anomaly-classification", "notification-routing", "reconciliation", "spend-policy",
                        "finding-profiles", "waste-rightsizing", "architectural-inefficiency"))
                .body("find { it.name == 'allocation' }.activeHash", notNullValue())
                .body("find { it.name == 'allocation' }.bundled", equalTo(true));
        // demo was created at start-up (before any request): seeded through the TenantCreated event.
        given().header("Authorization", bearer("demo", "demo-auditor", "auditor")).get("/api/v1/rulesets/spend-policy/versions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("published")).body("[0].active", equalTo(true));
    }

    @Test
    void draftsAndVersionsAreInvisibleToOtherTenants() {
        String hash = given().header("Authorization", admin("rs-ten-a")).contentType("application/xml")
                .queryParam("note", "secret table").body(TestModels.spendPolicyWarnFrom4000())
                .post("/api/v1/rulesets/spend-policy/versions")
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("hash");
        String other = bearer("rs-ten-b", "b", "finops_admin", "auditor");
        given().header("Authorization", other).get("/api/v1/rulesets/spend-policy/versions/" + hash).then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/rulesets/spend-policy/versions")
                .then().statusCode(200).body("hash", org.hamcrest.Matchers.not(hasItem(hash)));
        given().header("Authorization", other).post("/api/v1/rulesets/spend-policy/versions/" + hash + "/publish").then().statusCode(404);
        given().header("Authorization", other).contentType(ContentType.JSON).body(MID_REQUEST)
                .post("/api/v1/decisions/spend-policy/evaluate?version=" + hash)
                .then().statusCode(404);
        // A rule set created by one tenant does not exist for the other.
        given().header("Authorization", admin("rs-ten-a")).contentType("text/plain").body(TestModels.DRL_OK)
                .post("/api/v1/rulesets/review-drl/versions").then().statusCode(201);
        given().header("Authorization", other).get("/api/v1/rulesets/review-drl/versions").then().statusCode(404);
    }

    @Test
    void invalidModelsAre422WithMessagesAndNothingIsStored() {
        String auth = admin("rs-invalid");
        List<String> bodies = List.of(
                "<definitions>\n<decision>\n</definitions>",
                TestModels.bands("FIRST", "string", "< 100", "\"small\"", ">= 100 and", "\"large\""),
                TestModels.bands("UNIQUE", "string", "< 200", "\"small\"", "[100..1000]", "\"medium\"", "> 1000", "\"large\""),
                TestModels.bands("FIRST", "number", "< 100", "1", "-", "\"one\""));
        for (String body : bodies) {
            given().header("Authorization", auth).contentType("application/xml").body(body)
                    .post("/api/v1/rulesets/bands/versions")
                    .then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                    .body("errors[0].message", notNullValue());
        }
        given().header("Authorization", auth).contentType("text/plain").body(TestModels.DRL_BROKEN)
                .post("/api/v1/rulesets/broken-drl/versions")
                .then().statusCode(422).body("errors[0].line", equalTo(4));
        given().header("Authorization", auth).get("/api/v1/rulesets/bands/versions").then().statusCode(404);
        given().header("Authorization", auth).get("/api/v1/rulesets/broken-drl/versions").then().statusCode(404);
        given().header("Authorization", auth).get("/api/v1/rulesets").then().statusCode(200).body("$", hasSize(8));
    }

    @Test
    void publishingNeedsFinopsAdmin() {
        String tenant = "rs-roles";
        String hash = given().header("Authorization", bearer(tenant, "a", "admin")).contentType("application/xml")
                .body(TestModels.spendPolicyWarnFrom4000()).post("/api/v1/rulesets/spend-policy/versions")
                .then().statusCode(201).extract().path("hash");
        for (String role : List.of("admin", "auditor", "engineering", "finance")) {
            given().header("Authorization", bearer(tenant, "x", role)).post("/api/v1/rulesets/spend-policy/versions/" + hash + "/publish")
                    .then().statusCode(403);
        }
        given().header("Authorization", bearer(tenant, "e", "engineering")).contentType("application/xml")
                .body(TestModels.spendPolicy()).post("/api/v1/rulesets/spend-policy/versions").then().statusCode(403);
        given().header("Authorization", admin(tenant)).post("/api/v1/rulesets/spend-policy/versions/" + hash + "/publish")
                .then().statusCode(200).body("active", equalTo(true)).body("status", equalTo("published"));
        given().header("Authorization", bearer(tenant, "au", "auditor")).get("/api/v1/audit?action=ruleset.publish")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].actor", equalTo(tenant + "-fa"));
    }

    @Test
    void decisionsUnderAReplayIdenticallyAndDiffAgainstB() {
        String tenant = "rs-replay";
        String auth = admin(tenant);
        Response first = given().header("Authorization", auth).contentType(ContentType.JSON).body(MID_REQUEST)
                .post("/api/v1/decisions/spend-policy/evaluate");
        first.then().statusCode(200).body("outputs.policy.outcome", equalTo("allow")).body("outputs.policy.ruleId", equalTo("SP-11"));
        String decisionId = first.path("id");
        String versionA = first.path("versionHash");

        String versionB = given().header("Authorization", auth).contentType("application/xml").queryParam("note", "warn from 4000")
                .body(TestModels.spendPolicyWarnFrom4000()).post("/api/v1/rulesets/spend-policy/versions")
                .then().statusCode(201).body("parentHash", equalTo(versionA)).extract().path("hash");

        given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy/versions/" + versionA + "/diff/" + versionB)
                .then().statusCode(200)
                .body("tables[0].rows", hasSize(1))
                .body("tables[0].rows[0].id", equalTo("sp10"))
                .body("tables[0].rows[0].cells.'in:amount'", equalTo(List.of(">= 5000", ">= 4000")));

        given().header("Authorization", auth).post("/api/v1/rulesets/spend-policy/versions/" + versionB + "/impact?limit=50")
                .then().statusCode(200).body("evaluated", equalTo(1)).body("changed", equalTo(1))
                .body("byField.'policy.outcome'.'\"allow\" -> \"warn\"'", equalTo(1));

        given().header("Authorization", auth).post("/api/v1/rulesets/spend-policy/versions/" + versionB + "/publish").then().statusCode(200);

        given().header("Authorization", bearer(tenant, "aud", "auditor")).post("/api/v1/decisions/" + decisionId + "/replay")
                .then().statusCode(200)
                .body("reproduced", equalTo(true))
                .body("loggedVersion", equalTo(versionA))
                .body("against", equalTo(versionB))
                .body("changed", equalTo(true))
                .body("diff.path", containsInAnyOrder("policy.outcome", "policy.reason", "policy.ruleId"))
                .body("diff.find { it.path == 'policy.outcome' }.before", equalTo("allow"))
                .body("diff.find { it.path == 'policy.outcome' }.after", equalTo("warn"));
        given().header("Authorization", bearer(tenant, "aud", "auditor")).post("/api/v1/decisions/" + decisionId + "/replay?against=" + versionA)
                .then().statusCode(200).body("reproduced", equalTo(true)).body("changed", equalTo(false)).body("diff", hasSize(0));

        // New evaluations use B; the old version still answers on request.
        given().header("Authorization", auth).contentType(ContentType.JSON).body(MID_REQUEST).post("/api/v1/decisions/spend-policy/evaluate")
                .then().statusCode(200).body("versionHash", equalTo(versionB)).body("outputs.policy.outcome", equalTo("warn"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body(MID_REQUEST)
                .post("/api/v1/decisions/spend-policy/evaluate?version=" + versionA.substring(0, 12))
                .then().statusCode(200).body("versionHash", equalTo(versionA)).body("outputs.policy.outcome", equalTo("allow"));
        given().header("Authorization", auth).get("/api/v1/decisions?ruleSet=spend-policy").then().statusCode(200).body("$", hasSize(3));
        given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy")
                .then().statusCode(200).body("activations.action", equalTo(List.of("publish", "publish")))
                .body("activations[1].previousHash", equalTo(versionA));
    }

    @Test
    void sameInputsAndVersionGiveByteIdenticalOutputs() {
        String auth = bearer("rs-determinism", "p", "platform");
        String body = "{\"amount\": 12000.50, \"budgetRemaining\": 3000, \"forecastOverrunPct\": 40, \"resourceClass\": \"standard\", \"environment\": \"prod\", \"owner\": \"data\"}";
        String reordered = "{\"environment\": \"prod\", \"resourceClass\": \"standard\", \"forecastOverrunPct\": 40, \"budgetRemaining\": 3000, \"amount\": 12000.50, \"owner\": \"data\"}";
        String a = given().header("Authorization", auth).contentType(ContentType.JSON).body(body).post("/api/v1/decisions/spend-policy/evaluate")
                .then().statusCode(200).extract().asString();
        String b = given().header("Authorization", auth).contentType(ContentType.JSON).body(reordered).post("/api/v1/decisions/spend-policy/evaluate")
                .then().statusCode(200).extract().asString();
        assertEquals(outputsOf(a), outputsOf(b));
        assertNotEquals(idOf(a), idOf(b));
        String logged = given().header("Authorization", bearer("rs-determinism", "au", "auditor")).get("/api/v1/decisions/" + idOf(a))
                .then().statusCode(200).body("inputs.amount", equalTo(12000.50f)).extract().asString();
        assertEquals(outputsOf(a), outputsOf(logged));
        assertEquals("{\"policy\":{\"approverRole\":\"none\",\"outcome\":\"block\",\"reason\":\"Request exceeds the remaining budget and the "
                + "forecast already overruns it by 25% or more\",\"ruleId\":\"SP-01\",\"slaHours\":0}}", outputsOf(a));
    }

    @Test
    void inputsOutsideTheContractAre422() {
        String auth = bearer("rs-contract", "p", "platform");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "spaceship", "environment", "prod", "amount", "lots", "budgetRemaining", 1, "colour", "red"))
                .post("/api/v1/decisions/spend-policy/evaluate")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("colour", "forecastOverrunPct", "owner", "resourceClass", "amount"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("[1,2]").post("/api/v1/decisions/spend-policy/evaluate")
                .then().statusCode(422);
        given().header("Authorization", auth).contentType(ContentType.JSON).body(MID_REQUEST).post("/api/v1/decisions/no-such-set/evaluate")
                .then().statusCode(404);
    }

    @Test
    void allocationAndAnomalyRuleSetsEvaluateThroughTheVersionedPath() {
        String auth = bearer("rs-bundled", "p", "platform");
        Map<String, Object> charge = new java.util.HashMap<>();
        for (String k : List.of("provider", "billingAccount", "subAccount", "serviceName", "serviceCategory", "region", "resourceType",
                "chargeCategory", "tagTeam", "tagProduct", "tagEnvironment", "tagCostCenter", "tagApplication")) charge.put(k, null);
        charge.putAll(Map.of("provider", "aws", "subAccount", "payments-prod", "chargeCategory", "Usage"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body(charge).post("/api/v1/decisions/allocation/evaluate")
                .then().statusCode(200).body("outputs.allocation.team", equalTo("payments")).body("outputs.allocation.ruleId", equalTo("AL-04"));
        Map<String, Object> delta = Map.ofEntries(Map.entry("relativeChange", 0.4), Map.entry("absoluteImpact", 3000),
                Map.entry("volumeShare", 0.8), Map.entry("rateShare", 0.2), Map.entry("newResourceCount", 0), Map.entry("newSku", false),
                Map.entry("newRegion", false), Map.entry("commitmentCoverageChange", 0), Map.entry("creditEnded", false),
                Map.entry("oneOffPurchase", false), Map.entry("dataComplete", true));
        given().header("Authorization", auth).contentType(ContentType.JSON).body(delta).post("/api/v1/decisions/anomaly-classification/evaluate")
                .then().statusCode(200).body("outputs.classification.cause", equalTo("usage-spike"))
                .body("outputs.severity", equalTo("high")).body("outputs.routing", equalTo("owner-chat"));
    }

    @Test
    void csvImportMakesADraftAndExportGivesItBack() {
        String tenant = "rs-csv";
        String auth = admin(tenant);
        String active = given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy").then().statusCode(200)
                .extract().path("ruleSet.activeHash");
        String csv = given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy/versions/" + active + "/table.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String edited = csv.replace("sp10,-,-,>= 5000", "sp10,-,-,>= 4000");
        String draft = given().header("Authorization", auth).contentType("text/csv").body(edited)
                .post("/api/v1/rulesets/spend-policy/versions/" + active + "/table.csv")
                .then().statusCode(201).body("status", equalTo("draft")).body("parentHash", equalTo(active)).extract().path("hash");
        String back = given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy/versions/" + draft + "/table.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(edited, back);
        given().header("Authorization", auth).contentType("text/csv").body("FIRST,in:nope\nx,1\n")
                .post("/api/v1/rulesets/spend-policy/versions/" + active + "/table.csv")
                .then().statusCode(422).body("errors[0].message", containsString("columns must be"));
    }

    @Test
    void drlRuleSetsSaveEvaluateAndDiffAsText() {
        String auth = admin("rs-drl");
        String v1 = given().header("Authorization", auth).contentType("text/plain").body(TestModels.DRL_OK)
                .post("/api/v1/rulesets/review/versions").then().statusCode(201).body("kind", equalTo("DRL")).extract().path("hash");
        given().header("Authorization", auth).contentType("text/plain").body(TestModels.DRL_OK.replace("\n", "\r\n"))
                .post("/api/v1/rulesets/review/versions").then().statusCode(200).body("created", equalTo(false)).body("hash", equalTo(v1));
        given().header("Authorization", auth).post("/api/v1/rulesets/review/versions/" + v1 + "/publish").then().statusCode(200);
        given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("amount", 2500))
                .post("/api/v1/decisions/review/evaluate").then().statusCode(200).body("outputs.review", equalTo(true));
        String v2 = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("content", TestModels.DRL_OK.replace(">= 1000", ">= 5000"), "note", "higher bar"))
                .post("/api/v1/rulesets/review/versions").then().statusCode(201).extract().path("hash");
        given().header("Authorization", auth).get("/api/v1/rulesets/review/versions/" + v1 + "/diff/" + v2)
                .then().statusCode(200).body("lines.op", equalTo(List.of("+", "-")));
    }

    private static String outputsOf(String json) {
        int start = json.indexOf("\"outputs\":") + "\"outputs\":".length();
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) return json.substring(start, i + 1);
        }
        throw new AssertionError(json);
    }

    private static String idOf(String json) {
        return io.restassured.path.json.JsonPath.from(json).getString("id");
    }
}
