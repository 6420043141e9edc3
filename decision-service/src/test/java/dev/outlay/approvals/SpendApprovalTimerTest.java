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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.outlay.approvals.ApprovalApi.act;
import static dev.outlay.approvals.ApprovalApi.get;
import static dev.outlay.approvals.ApprovalApi.gpu;
import static dev.outlay.approvals.ApprovalApi.history;
import static dev.outlay.approvals.ApprovalApi.request;
import static dev.outlay.approvals.ApprovalApi.taskFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test config shrinks an SLA hour to half a second (%test.outlay.approvals.sla-unit=PT0.5S): a GPU request (SLA 24h)
 * escalates from approver to finance after 12 s through the durable jobs service, without anybody acting.
 */
@QuarkusTest
class SpendApprovalTimerTest {

    @Test
    void unansweredApprovalEscalatesToFinanceByTimer() throws Exception {
        String t = "timer-co";
        String id = request(t, "pat", "platform", gpu("800")).statusCode(201).extract().path("id");
        assertNotNull(taskFor(id, t, "ann", "approver"));

        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!"finance".equals(get(id, t).get("approverGroup")) && Instant.now().isBefore(until)) Thread.sleep(500);
        assertEquals("finance", get(id, t).get("approverGroup"), "escalated by the SLA timer");

        assertNull(taskFor(id, t, "ann", "approver"), "the approver's task was cancelled by the interrupting timer");
        Map<String, Object> task = taskFor(id, t, "fran", "finance");
        assertNotNull(task, "finance has the escalated task");
        List<Map<String, Object>> h = history(id, t);
        Map<String, Object> escalation = h.stream().filter(e -> "escalated".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals(ApprovalProcessListener.TIMER_ACTOR, escalation.get("actor"));
        assertTrue(((String) escalation.get("detail")).startsWith("SLA passed: approver -> finance"));
        assertEquals("pending_approval", get(id, t).get("status"));
    }

    /** A GPU request of 10,000 or more starts at leadership (SP-03); nobody is above it, so the SLA expires it. */
    @Test
    void unansweredLeadershipApprovalExpiresAndNobodyCanActOnItAfterwards() throws Exception {
        String t = "timer-expiry";
        String id = request(t, "pat", "platform", gpu("15000")).statusCode(201).extract().path("id");
        assertEquals("leadership", get(id, t).get("approverGroup"));
        Map<String, Object> task = taskFor(id, t, "lee", "leadership");
        assertNotNull(task, "leadership has the task");

        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!"expired".equals(get(id, t).get("status")) && Instant.now().isBefore(until)) Thread.sleep(500);
        assertEquals("expired", get(id, t).get("status"), "past leadership's SLA the request expires");

        assertNull(taskFor(id, t, "lee", "leadership"), "the expired request leaves no task in any inbox");
        act((String) task.get("taskId"), "complete", Map.of("decision", "approve"), t, "lee", "leadership").statusCode(404);
        assertEquals("expired", get(id, t).get("status"), "a late approval changes nothing");
        List<Map<String, Object>> h = history(id, t);
        assertTrue(h.stream().anyMatch(e -> ApprovalProcessListener.TIMER_ACTOR.equals(e.get("actor"))),
                "the expiry is in the history under the timer's name: " + h);
    }
}
