/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.kogito;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.kie.dmn.api.core.DMNResult;
import org.kie.kogito.decision.DecisionModel;
import org.kie.kogito.decision.DecisionModels;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DMN model from rules/ evaluates in-process; the BPMN process from processes/ runs, its raw routes read-only for admins. */
@QuarkusTest
class BundledAssetsTest {

    @Inject
    DecisionModels decisionModels;

    @Test
    void spendPolicyDmnFromRulesModuleEvaluatesInProcess() {
        DecisionModel model = decisionModels.getDecisionModel("https://outlay.dev/rules/spend-policy", "SpendPolicy");
        DMNResult result = model.evaluateAll(model.newContext(Map.of("resourceClass", "gpu", "environment", "prod",
                "amount", new BigDecimal("20000"), "budgetRemaining", new BigDecimal("100000"),
                "forecastOverrunPct", BigDecimal.ZERO, "owner", "web")));
        Map<?, ?> policy = (Map<?, ?>) result.getDecisionResultByName("policy").getResult();
        assertEquals("escalate", policy.get("outcome"));
        assertEquals("leadership", policy.get("approverRole"));
        assertEquals("SP-03", policy.get("ruleId"));
    }

    @Test
    void generatedDecisionRoutesAreNotServed() {
        // Kogito's DMN routes evaluated the bundled model for every role without a decision log; the versioned path
        // is POST /api/v1/decisions/{ruleSet}/evaluate.
        given().contentType(ContentType.JSON).body(Map.of("amount", 1)).post("/SpendPolicy").then().statusCode(404);
        given().header("Authorization", bearer("demo", "demo-admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("amount", 1)).post("/SpendPolicy").then().statusCode(404);
    }

    @Test
    void spendApprovalProcessFromProcessesModuleRunsAndItsRawRoutesAreTenantScoped() {
        // Raw Kogito routes are for admins, and only for reading.
        given().header("Authorization", bearer("demo", "demo-approver", "approver"))
                .get("/usertasks/instance").then().statusCode(403);
        String auth = bearer("demo", "demo-admin", "admin");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("requestId", "SR-1", "tenantId", "other", "approverGroup", "approver", "sla", "PT1H"))
                .post("/spendApproval").then().statusCode(403);

        String request = given().header("Authorization", bearer("demo", "demo-engineering", "engineering")).contentType(ContentType.JSON)
                // A large instance outside production escalates with the longest approver SLA (48 h, 24 s under the test
                // profile's sla-unit): the calls below must finish before the boundary timer hands the task on, which a
                // loaded 2-CPU box did not always manage within the 12 s of the 24-hour GPU row.
                .body(Map.of("resourceClass", "large-instance", "environment", "dev", "amount", 1500, "owner", "ml", "description", "Large instance for a load test"))
                .post("/api/v1/spend-requests").then().statusCode(201).body("outcome", equalTo("escalate")).extract().path("id");
        String id = given().header("Authorization", auth).get("/api/v1/spend-requests/" + request)
                .then().statusCode(200).extract().path("processInstanceId");
        given().header("Authorization", auth).get("/spendApproval/" + id)
                .then().statusCode(200).body("requestId", equalTo(request));
        given().header("Authorization", auth).get("/spendApproval")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }", hasSize(1));

        String taskId = given().header("Authorization", bearer("demo", "demo-admin", "admin", "approver"))
                .get("/usertasks/instance")
                .then().statusCode(200)
                .body("findAll { it.metadata.ProcessInstanceId == '" + id + "' }", hasSize(1))
                .body("find { it.metadata.ProcessInstanceId == '" + id + "' }.excludedUsers", org.hamcrest.Matchers.contains("demo-engineering"))
                .body("find { it.metadata.ProcessInstanceId == '" + id + "' }.potentialGroups", org.hamcrest.Matchers.contains("approver"))
                .extract().path("find { it.metadata.ProcessInstanceId == '" + id + "' }.id");

        // Another tenant's admin, even naming the right group in (ignored) impersonation parameters, finds none of it.
        String other = bearer("bundled-other", "other-admin", "admin");
        given().header("Authorization", other).queryParam("user", "x").queryParam("group", "approver").get("/usertasks/instance")
                .then().statusCode(200).body("findAll { it.metadata.ProcessInstanceId == '" + id + "' }", hasSize(0));
        given().header("Authorization", other).get("/usertasks/instance/" + taskId).then().statusCode(404);
        given().header("Authorization", other).queryParam("user", "x").queryParam("group", "approver").contentType(ContentType.JSON)
                .body(Map.of("transitionId", "claim", "data", Map.of()))
                .post("/usertasks/instance/" + taskId + "/transition").then().statusCode(403);
        given().header("Authorization", other).get("/spendApproval/" + id).then().statusCode(404);
        given().header("Authorization", other).get("/spendApproval/" + id + "/tasks").then().statusCode(404);
        given().header("Authorization", other).delete("/spendApproval/" + id).then().statusCode(403);
        given().header("Authorization", other).get("/spendApproval")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }", hasSize(0));

        // Raw routes are read-only even for admins: a transition there would record whoever ?user= names as decider.
        for (String transition : new String[]{"claim", "complete"}) {
            given().header("Authorization", auth)
                    .queryParam("user", "demo-approver").queryParam("group", "approver")
                    .contentType(ContentType.JSON)
                    .body(Map.of("transitionId", transition, "data", Map.of("decision", "approve", "comment", "ok")))
                    .post("/usertasks/instance/" + taskId + "/transition")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{}")
                .put("/usertasks/instance/" + taskId + "/outputs").then().statusCode(403);
        given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post("/usertasks/instance/" + taskId + "/comments").then().statusCode(403);
        given().header("Authorization", auth).post("/spendApproval/" + id + "/SLA_passed").then().statusCode(403);
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{}").put("/spendApproval/" + id).then().statusCode(403);
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{}").patch("/spendApproval/" + id).then().statusCode(403);
        given().header("Authorization", auth).delete("/spendApproval/" + id).then().statusCode(403);
        given().header("Authorization", auth).get("/spendApproval/" + id).then().statusCode(200);
        given().header("Authorization", auth).get("/usertasks/instance/" + taskId).then().statusCode(200)
                .body("status.name", equalTo("Ready"));

        String approver = bearer("demo", "demo-approver", "approver");
        given().header("Authorization", approver).contentType(ContentType.JSON)
                .body(Map.of("decision", "approve", "comment", "ok"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(200);
        given().header("Authorization", auth).get("/spendApproval/" + id).then().statusCode(404);
        given().header("Authorization", auth).get("/api/v1/spend-requests/" + request).then().statusCode(200)
                .body("status", equalTo("approved"));
    }
}
