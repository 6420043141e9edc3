/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.outlay.approvals.ApprovalApi.act;
import static dev.outlay.approvals.ApprovalApi.get;
import static dev.outlay.approvals.ApprovalApi.gpu;
import static dev.outlay.approvals.ApprovalApi.history;
import static dev.outlay.approvals.ApprovalApi.request;
import static dev.outlay.approvals.ApprovalApi.taskFor;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main story over REST: a GPU request escalates, the right approver (only) sees it and approves it. */
@QuarkusTest
class SpendApprovalFlowTest {

    static final String T = "flow-co";

    @Test
    void gpuRequestEscalatesAndIsApprovedByTheRightApprover() {
        String id = request(T, "pat-platform", "platform", gpu("1200")).statusCode(201)
                .body("outcome", equalTo("escalate"))
                .body("status", equalTo("pending_approval"))
                .body("approverGroup", equalTo("approver"))
                .body("ruleId", equalTo("SP-04"))
                .extract().path("id");

        // Visible to an approver of the tenant, with the business context ...
        Map<String, Object> task = taskFor(id, T, "ann-approver", "approver");
        assertNotNull(task, "approver sees the task");
        assertEquals("ApproveSpend", task.get("taskName"));
        assertEquals("pat-platform", task.get("requester"));
        assertEquals("GPU capacity is an approval-required resource class", task.get("policyReason"));
        assertNotNull(task.get("deadline"));
        // ... but not to finance (other group), not to the requester, not to an approver of another tenant.
        assertNull(taskFor(id, T, "fin-1", "finance"));
        assertNull(taskFor(id, T, "pat-platform", "platform", "approver"));
        assertNull(taskFor(id, "other-co", "ann-approver", "approver"));
        String taskId = (String) task.get("taskId");

        // Another tenant cannot act on it even knowing the id; the requester (also an approver) cannot approve it.
        act(taskId, "complete", Map.of("decision", "approve"), "other-co", "ann-approver", "approver").statusCode(404);
        act(taskId, "complete", Map.of("decision", "approve"), T, "pat-platform", "platform", "approver").statusCode(403);
        act(taskId, "complete", Map.of("decision", "maybe"), T, "ann-approver", "approver").statusCode(422);

        act(taskId, "claim", null, T, "ann-approver", "approver").statusCode(200).body("status", equalTo("Reserved"));
        act(taskId, "complete", Map.of("decision", "approve", "comment", "fits the quarter"), T, "ann-approver", "approver")
                .statusCode(200);
        act(taskId, "complete", Map.of("decision", "reject"), T, "ann-approver", "approver").statusCode(409);

        Map<String, Object> done = get(id, T);
        assertEquals("approved", done.get("status"));
        assertEquals("ann-approver", done.get("decidedBy"));
        List<String> kinds = history(id, T).stream().map(h -> (String) h.get("kind")).toList();
        assertEquals(List.of("created", "evaluated", "assigned", "claimed", "decided:approve", "approved"), kinds);

        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=spend_request.approved")
                .then().statusCode(200).body("objectId", hasItem(id));
    }

    @Test
    void moreInfoGoesBackToTheRequesterThenRejects() {
        String id = request(T, "eve-eng", "engineering", gpu("300")).statusCode(201).extract().path("id");
        String taskId = (String) taskFor(id, T, "bob-approver", "approver").get("taskId");
        act(taskId, "complete", Map.of("decision", "more-info", "comment", "which project?"), T, "bob-approver", "approver").statusCode(200);

        Map<String, Object> info = taskFor(id, T, "eve-eng", "engineering");
        assertNotNull(info, "the requester gets the question");
        assertEquals("ProvideInfo", info.get("taskName"));
        assertEquals("which project?", info.get("question"));
        assertNull(taskFor(id, T, "bob-approver", "approver"), "nothing for the approver while the requester answers");
        act((String) info.get("taskId"), "complete", Map.of("comment", "project atlas"), T, "eve-eng", "engineering").statusCode(200);

        String again = (String) taskFor(id, T, "bob-approver", "approver").get("taskId");
        act(again, "complete", Map.of("decision", "reject", "comment", "use spot capacity"), T, "bob-approver", "approver").statusCode(200);
        assertEquals("rejected", get(id, T).get("status"));
    }

    @Test
    void blockIsRecordedAndRefusedWithTheReason() {
        // 100 a day on team "burners" against a budget of 10: far over budget and forecast -> SP-01 blocks.
        dev.outlay.budgets.LedgerFixture.dailySpend(T, "burners", 100, 40, "USD");
        String budget = given().header("Authorization", bearer(T, "fin-admin", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Burners", "scopeType", "team", "scopeValue", "burners", "period", "month",
                        "amount", 10, "currency", "USD"))
                .post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        Map<String, Object> body = gpu("5000");
        body.put("resourceClass", "standard");
        body.put("budgetId", budget);
        String id = request(T, "pat-platform", "platform", body).statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Blocked by spend policy"))
                .body("ruleId", equalTo("SP-01"))
                .extract().path("spendRequestId");
        assertEquals("blocked", get(id, T).get("status"));
        assertTrue(ApprovalApi.inbox(T, "fin-x", "finance").stream().noneMatch(t -> id.equals(t.get("subjectId"))));
    }

    @Test
    void warnIsRecordedAndNotified() {
        Map<String, Object> body = gpu("6000");
        body.put("resourceClass", "standard");
        body.put("environment", "prod");
        String id = request(T, "pat-platform", "platform", body).statusCode(201)
                .body("outcome", equalTo("warn")).body("status", equalTo("warned")).body("ruleId", equalTo("SP-10"))
                .extract().path("id");
        assertTrue(history(id, T).stream().anyMatch(h -> "notified".equals(h.get("kind"))));
    }

    @Test
    void previewHasNoSideEffects() {
        given().header("Authorization", bearer(T, "lee", "leadership")).contentType(ContentType.JSON)
                .body(gpu("15000")).post("/api/v1/policy/evaluate")
                .then().statusCode(200)
                .body("policy.outcome", equalTo("escalate"))
                .body("policy.approverRole", equalTo("leadership"))
                .body("policy.slaHours", equalTo(24));
        assertTrue(ApprovalApi.inbox(T, "lee-2", "leadership").isEmpty(), "no process started by a preview");
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Map<String, Object> unknownClass = gpu("10");
        unknownClass.put("resourceClass", "quantum");
        String b = "bad-input-co";
        request(b, "pat-platform", "platform", unknownClass).statusCode(422).body("errors.field", hasItem("resourceClass"));
        request(b, "pat-platform", "platform", gpu("-5")).statusCode(422).body("errors.field", hasItem("amount"));
        Map<String, Object> unknownBudget = gpu("10");
        unknownBudget.put("budgetId", "00000000-0000-0000-0000-000000000000");
        request(b, "pat-platform", "platform", unknownBudget).statusCode(422).body("errors.field", hasItem("budgetId"));
        // A role that may not request spend.
        request(b, "ann-approver", "approver", gpu("10")).statusCode(403);
        given().header("Authorization", bearer("bad-input-co", "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).body("size()", equalTo(0));
        act("no-such-task", "complete", Map.of("decision", "approve"), T, "ann-approver", "approver").statusCode(404);
    }
}
