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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.gpuRequest;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.routeOwner;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approve/reject/more-info buttons on Slack, the signed interaction hook, user mapping, four-eyes, chat.update. */
@QuarkusTest
class SlackInteractionTest {

    static final String TOKEN = "xoxb-test-approvals-0123";
    static final String SIGNING = "slack-signing-secret-0123456789";

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static String form(String slackUser, String actionId, String value) {
        return form(slackUser, actionId, value, "");
    }

    /** {@code message} is the rest of Slack's payload (container, channel, response_url), as JSON members with a leading comma. */
    static String form(String slackUser, String actionId, String value, String message) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0OUTLAY\"},\"user\":{\"id\":\"" + slackUser + "\"},"
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"outlay_decision\",\"value\":\"" + value + "\"}]" + message + "}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    static io.restassured.response.ValidatableResponse press(String path, String body, long ts, String signature) {
        return given().contentType("application/x-www-form-urlencoded").header(SlackSignature.TIMESTAMP, Long.toString(ts))
                .header(SlackSignature.HEADER, signature).body(body).post(path).then();
    }

    @Test
    void anApprovalIsDecidedFromASignedSlackInteractionWithFourEyes() throws Exception {
        String t = "act-slack-int";
        String api = "/slack-int/api";
        String connection = given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "approvals", "kind", "slack", "url", WebhookReceiver.url(api), "secret", TOKEN, "channel", "C0APPROVE",
                        "inboundSecret", SIGNING, "users", Map.of("U0ALICE", "alice", "U0PAT", "pl")))
                .post("/api/v1/integrations").then().statusCode(201).body("users.U0ALICE", equalTo("alice")).extract().path("id");
        routeOwner(t, "team-slack", "slack", "approvals");
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0APPROVE\",\"ts\":\"1733150000.000200\"}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.update")).willReturn(okJson("{\"ok\":true}")));
        // Both users have signed in to Outlay (their roles are known); the requester is also an approver.
        given().header("Authorization", bearer(t, "alice", "approver")).get("/api/v1/inbox").then().statusCode(200);
        String id = gpuRequest(t, "team-slack", 900, "platform", "approver");
        assertEquals(1, worker.runTenant(t));

        JsonNode posted = json.readTree(WebhookReceiver.received(api + "/chat.postMessage").get(0).getBodyAsString());
        JsonNode actions = null;
        for (JsonNode b : posted.path("blocks")) if ("actions".equals(b.path("type").asText())) actions = b;
        assertTrue(actions != null, posted.toString());
        assertEquals("outlay_approve", actions.path("elements").get(0).path("action_id").asText());
        assertEquals("primary", actions.path("elements").get(0).path("style").asText());
        assertEquals("outlay_reject", actions.path("elements").get(1).path("action_id").asText());
        assertEquals("outlay_more_info", actions.path("elements").get(2).path("action_id").asText());
        assertEquals(id, actions.path("elements").get(0).path("value").asText());

        String hook = "/hooks/slack/" + t + "/" + connection;
        long now = Instant.now().getEpochSecond();
        String approve = form("U0ALICE", "outlay_approve", id);
        // Wrong secret, stale timestamp, missing headers, and the right signature on another tenant's path: 401, nothing changes.
        press(hook, approve, now, SlackSignature.sign("not-the-signing-secret-0123", now, approve)).statusCode(401);
        press(hook, approve, now - 301, SlackSignature.sign(SIGNING, now - 301, approve)).statusCode(401);
        given().contentType("application/x-www-form-urlencoded").body(approve).post(hook).then().statusCode(401);
        given().header("Authorization", admin("act-slack-int-b")).get("/api/v1/integrations").then().statusCode(200);
        press("/hooks/slack/act-slack-int-b/" + connection, approve, now, SlackSignature.sign(SIGNING, now, approve)).statusCode(401);
        press(hook, approve + "&x=1", now, SlackSignature.sign(SIGNING, now, approve)).statusCode(401);
        assertStatus(t, id, "pending_approval");

        // The requester pressing Approve is refused by the inbox's four-eyes rule; an unmapped Slack user by the mapping.
        String self = form("U0PAT", "outlay_approve", id);
        press(hook, self, now, SlackSignature.sign(SIGNING, now, self)).statusCode(200).body("outcome", equalTo("refused"));
        String stranger = form("U0NOBODY", "outlay_approve", id);
        press(hook, stranger, now, SlackSignature.sign(SIGNING, now, stranger)).statusCode(200).body("outcome", equalTo("refused"))
                .body("detail", startsWith("Slack user U0NOBODY is not linked"));
        assertStatus(t, id, "pending_approval");

        String signature = SlackSignature.sign(SIGNING, now, approve);
        press(hook, approve, now, signature).statusCode(200).body("outcome", equalTo("decided")).body("detail", equalTo("by alice"));
        assertStatus(t, id, "approved");
        // The same signed request again is a replay.
        press(hook, approve, now, signature).statusCode(401);
        assertEquals(1, count(su, "SELECT count(*) FROM outlay.spend_request_event WHERE tenant_id = ? AND request_id = ?::uuid AND kind = 'approved'", t, id));

        // The posted message was edited in place: same channel and ts, the outcome instead of the buttons.
        List<LoggedRequest> updates = WebhookReceiver.received(api + "/chat.update");
        assertEquals(1, updates.size());
        assertEquals("Bearer " + TOKEN, updates.get(0).getHeader("Authorization"));
        JsonNode update = json.readTree(updates.get(0).getBodyAsString());
        assertEquals("C0APPROVE", update.path("channel").asText());
        assertEquals("1733150000.000200", update.path("ts").asText());
        assertTrue(update.toString().contains("*Approved by alice*"), update.toString());
        assertFalse(update.toString().contains("\"type\":\"actions\""), "no buttons on a decided task");
    }

    void assertStatus(String t, String id, String status) {
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/spend-requests/" + id).then().statusCode(200)
                .body("status", equalTo(status));
    }
}
