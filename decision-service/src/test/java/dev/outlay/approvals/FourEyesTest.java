/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kie.kogito.usertask.UserTasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.outlay.approvals.ApprovalApi.act;
import static dev.outlay.approvals.ApprovalApi.get;
import static dev.outlay.approvals.ApprovalApi.gpu;
import static dev.outlay.approvals.ApprovalApi.history;
import static dev.outlay.approvals.ApprovalApi.taskFor;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four-eyes and identity on every path into the approval process: the inbox, Kogito's raw task routes
 * ({@code /usertasks/instance}), the process-scoped work-item routes ({@code /spendApproval/{id}/ApproveSpend/{wid}}),
 * with and without {@code ?user=&group=}, at each escalation level and after "more-info". The requester holds every
 * role that could decide (and admin), and still cannot; the decider recorded is the authenticated subject.
 * Test SLA hours last 0.5 s, so the GPU request's 24 h SLA escalates every 12 s (approver, finance, leadership).
 */
@QuarkusTest
class FourEyesTest {

    static final String T = "four-eyes-co";
    static final String REQUESTER = "rex";
    static final String[] EVERY_ROLE = {"engineering", "approver", "finance", "leadership", "admin"};

    @Inject
    UserTasks userTasks;

    private String requestAsPowerUser(String amount) {
        return given().header("Authorization", bearer(T, REQUESTER, EVERY_ROLE)).contentType(ContentType.JSON).body(gpu(amount))
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
    }

    private String workItemOf(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> userTasks.instances().findById(taskId).orElseThrow().getExternalReferenceId());
    }

    /** Every way the requester could decide the task; each must be refused with 403 and leave the request pending. */
    private void requesterCannotDecide(String requestId, String taskId) {
        String pid = (String) get(requestId, T).get("processInstanceId");
        String wid = workItemOf(taskId);

        assertNull(taskFor(requestId, T, REQUESTER, EVERY_ROLE), "the inbox does not offer the requester their own request");
        act(taskId, "claim", null, T, REQUESTER, EVERY_ROLE).statusCode(403);
        act(taskId, "complete", Map.of("decision", "approve"), T, REQUESTER, EVERY_ROLE).statusCode(403);

        // Over HTTP, Kogito's raw task and work-item routes are read-only for everybody (KogitoRouteGuard), so the
        // requester is refused there before the engine is reached, with or without ?user=.
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("transitionId", "claim", "data", Map.of()),
                Map.of("transitionId", "claim", "data", Map.of("USER", "ann")),
                Map.of("transitionId", "complete", "data", Map.of("decision", "approve")))) {
            raw(body, Map.of()).statusCode(403).contentType(startsWith("application/problem+json"));
            raw(body, Map.of("user", "ann", "group", "approver")).statusCode(403);
        }
        given().header("Authorization", bearer(T, REQUESTER, EVERY_ROLE)).contentType(ContentType.JSON)
                .body(Map.of("decision", "approve", "comment", "self-approved"))
                .post("/spendApproval/" + pid + "/ApproveSpend/" + wid)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", bearer(T, REQUESTER, EVERY_ROLE)).contentType(ContentType.JSON)
                .queryParam("user", "ann").queryParam("group", "approver")
                .body(Map.of("decision", "approve"))
                .post("/spendApproval/" + pid + "/ApproveSpend/" + wid + "/phases/complete")
                .then().statusCode(403);
        // The engine refuses on its own too (FourEyesUserTaskLifeCycle), whatever route would reach it: the
        // requester cannot claim, and nobody can claim on the requester's behalf.
        org.kie.kogito.auth.IdentityProvider self = org.kie.kogito.auth.IdentityProviders.of(REQUESTER, List.of(EVERY_ROLE));
        RuntimeException own = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> taskService.transition(taskId, "claim", Map.<String, Object>of(), self));
        assertTrue(own.getMessage().contains("four-eyes"), own.getMessage());
        org.kie.kogito.auth.IdentityProvider ann = org.kie.kogito.auth.IdentityProviders.of("ann", List.of("approver"));
        RuntimeException forOther = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> taskService.transition(taskId, "claim", Map.<String, Object>of("USER", REQUESTER), ann));
        assertTrue(forOther.getMessage().contains("on behalf of"), forOther.getMessage());

        Map<String, Object> r = get(requestId, T);
        assertEquals("pending_approval", r.get("status"), "nothing the requester did decided it");
        assertNull(r.get("decidedBy"));
        assertTrue(history(requestId, T).stream().noneMatch(h -> REQUESTER.equals(h.get("actor"))
                && String.valueOf(h.get("kind")).startsWith("decided")), "no decision by the requester in the history");
    }

    private io.restassured.response.ValidatableResponse raw(Map<String, Object> body, Map<String, String> query) {
        return given().header("Authorization", bearer(T, REQUESTER, EVERY_ROLE)).contentType(ContentType.JSON)
                .queryParams(query).body(body).post("/usertasks/instance/" + currentTask + "/transition").then();
    }

    @jakarta.inject.Inject
    org.kie.kogito.usertask.UserTaskService taskService;

    private String currentTask;

    private Map<String, Object> awaitTask(String requestId, String subject, String group) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> task = taskFor(requestId, T, subject, group);
        while (task == null && Instant.now().isBefore(until)) {
            Thread.sleep(300);
            task = taskFor(requestId, T, subject, group);
        }
        assertNotNull(task, group + " gets the task");
        return task;
    }

    @Test
    void requesterHoldingEveryRoleCannotDecideTheirOwnRequestAtAnyEscalationLevel() throws Exception {
        String id = requestAsPowerUser("1200");
        for (String[] level : new String[][]{{"ann", "approver"}, {"fran", "finance"}, {"lena", "leadership"}}) {
            Map<String, Object> task = awaitTask(id, level[0], level[1]);
            currentTask = (String) task.get("taskId");
            requesterCannotDecide(id, currentTask);
        }
        // Somebody else at the last level can still decide, and is the one recorded.
        act(currentTask, "complete", Map.of("decision", "reject", "comment", "not this quarter"), T, "lena", "leadership").statusCode(200);
        Map<String, Object> done = get(id, T);
        assertEquals("rejected", done.get("status"));
        assertEquals("lena", done.get("decidedBy"));
    }

    @Test
    void afterMoreInfoTheRequesterAnswersButStillCannotDecide() {
        String id = requestAsPowerUser("300");
        String first = (String) taskFor(id, T, "ann", "approver").get("taskId");
        act(first, "complete", Map.of("decision", "more-info", "comment", "which project?"), T, "ann", "approver").statusCode(200);

        Map<String, Object> info = taskFor(id, T, REQUESTER, EVERY_ROLE);
        assertNotNull(info, "the requester is asked");
        assertEquals("ProvideInfo", info.get("taskName"));
        act((String) info.get("taskId"), "complete", Map.of("comment", "project atlas"), T, REQUESTER, EVERY_ROLE).statusCode(200);

        currentTask = (String) taskFor(id, T, "ann", "approver").get("taskId");
        requesterCannotDecide(id, currentTask);
        act(currentTask, "complete", Map.of("decision", "approve", "comment", "ok with atlas"), T, "ann", "approver").statusCode(200);
        Map<String, Object> done = get(id, T);
        assertEquals("approved", done.get("status"));
        assertEquals("ann", done.get("decidedBy"));
        assertTrue(history(id, T).stream().anyMatch(h -> "approved".equals(h.get("kind")) && "ann".equals(h.get("actor"))));
    }

    /** ?user=&group= are ignored for everybody, admins included: an admin sees and acts as themselves only. */
    @Test
    void impersonationParametersAreIgnoredForAdmins() {
        String id = given().header("Authorization", bearer(T, "pia", "platform")).contentType(ContentType.JSON).body(gpu("500"))
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
        String taskId = (String) taskFor(id, T, "ann", "approver").get("taskId");
        String pid = (String) get(id, T).get("processInstanceId");
        String admin = bearer(T, "adm", "admin");
        String mine = "findAll { it.metadata.ProcessInstanceId == '" + pid + "' }.size()";

        // The task exists and raw reads show it to an admin who is also an approver ...
        assertEquals(1, (int) given().header("Authorization", bearer(T, "ada", "admin", "approver")).get("/usertasks/instance")
                .then().statusCode(200).extract().path(mine));
        // ... but an admin asking as the approver gets their own view, which does not include it.
        List<Object> own = given().header("Authorization", admin).get("/usertasks/instance")
                .then().statusCode(200).extract().path("id");
        List<Object> impersonated = given().header("Authorization", admin).queryParam("user", "ann").queryParam("group", "approver")
                .get("/usertasks/instance").then().statusCode(200).extract().path("id");
        assertEquals(own, impersonated, "query parameters do not change whose view it is");
        assertEquals(0, (int) given().header("Authorization", admin).queryParam("user", "ann").queryParam("group", "approver")
                .get("/usertasks/instance").then().statusCode(200).extract().path(mine));
        given().header("Authorization", admin).queryParam("user", "ann").queryParam("group", "approver")
                .contentType(ContentType.JSON).body(Map.of("transitionId", "claim", "data", Map.of()))
                .post("/usertasks/instance/" + taskId + "/transition").then().statusCode(403);

        // The real approver decides and is recorded as the decider, in the request and the audit log.
        act(taskId, "complete", Map.of("decision", "approve"), T, "ann", "approver").statusCode(200);
        assertEquals("ann", get(id, T).get("decidedBy"));
        given().header("Authorization", bearer(T, "aud-1", "auditor")).get("/api/v1/audit?action=spend_request.approved")
                .then().statusCode(200)
                .body("find { it.objectId == '" + id + "' }.actor", org.hamcrest.Matchers.equalTo("ann"));
    }
}
