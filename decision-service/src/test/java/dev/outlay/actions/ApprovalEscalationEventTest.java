/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.gpuRequest;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.webhook;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An approval nobody answers within its SLA (the test profile's hour is half a second: a GPU request's 24 h are
 * 12 s) escalates by the BPMN's boundary timer, and the escalated task is an approval_task event of its own,
 * routed by the rule set (NR-01: the approvals connection) and delivered like the first.
 */
@QuarkusTest
class ApprovalEscalationEventTest {

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    @Test
    void anEscalationByTheSlaTimerIsAnApprovalTaskEventForTheNextGroup() throws Exception {
        String t = "act-escalation";
        webhook(t, "approvals", "/escalation/approvals");
        WebhookReceiver.server().stubFor(post(urlEqualTo("/escalation/approvals")).willReturn(aResponse().withStatus(200)));
        String id = gpuRequest(t, "ml", 800, "platform");
        String events = "SELECT count(*) FROM outlay.action_event WHERE tenant_id = ? AND subject_id = ? AND kind = 'approval_task'";
        assertEquals(1, count(su, events, t, id));

        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (count(su, events, t, id) < 2 && Instant.now().isBefore(until)) Thread.sleep(500);
        assertEquals(2, count(su, events, t, id), "the SLA timer's escalation wrote an event");
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/spend-requests/" + id).then().statusCode(200)
                .body("approverGroup", equalTo("finance")).body("status", equalTo("pending_approval"));
        JsonNode payload = json.readTree(string(su, "SELECT payload::text FROM outlay.action_event WHERE tenant_id = ? AND subject_id = ? "
                + "AND payload->>'escalation' = 'true'", t, id));
        assertEquals("finance", payload.path("approverGroup").asText());
        assertEquals("approver", payload.path("escalatedFrom").asText());
        assertTrue(payload.path("summary").asText().startsWith("Escalated from approver to finance"), payload.toString());
        assertEquals("800.00 USD", string(su, "SELECT amount::text || ' ' || currency FROM outlay.action_event WHERE tenant_id = ? AND subject_id = ? "
                + "AND payload->>'escalation' = 'true'", t, id));
        assertEquals("approvals pending", string(su, "SELECT d.target || ' ' || d.status FROM outlay.action_delivery d JOIN outlay.action_event e "
                + "ON e.id = d.event_id WHERE e.tenant_id = ? AND e.subject_id = ? AND e.payload->>'escalation' = 'true'", t, id));

        // Finance's own SLA (another 12 s) may escalate once more before this runs: at least both events go out.
        assertTrue(worker.runTenant(t) >= 2);
        String escalated = WebhookReceiver.received("/escalation/approvals").stream().map(r -> r.getBodyAsString())
                .filter(b -> b.contains("\"escalation\":true")).findFirst().orElseThrow();
        assertTrue(escalated.contains("\"kind\":\"approval_task\"") && escalated.contains("\"approverGroup\":\"finance\""), escalated);
        assertTrue(count(su, "SELECT count(*) FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id "
                + "WHERE e.tenant_id = ? AND e.subject_id = ? AND d.status = 'delivered'", t, id) >= 2);
        // Another tenant sees neither event.
        given().header("Authorization", bearer("act-escalation-b", "aud", "auditor")).get("/api/v1/deliveries").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
