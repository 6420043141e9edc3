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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.gpuRequest;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.routeOwner;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.webhook;
import static dev.outlay.actions.SlackInteractionTest.form;
import static dev.outlay.actions.SlackInteractionTest.press;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack user map is changed through the API (admin, validated, audited, tenant scoped), and a button press is
 * answered on the interaction's response_url: a refusal to the presser only, a decision replacing the message.
 */
@QuarkusTest
class SlackResponseUrlTest {

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static List<LoggedRequest> awaitPosts(String path, int n) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (WebhookReceiver.received(path).size() < n && Instant.now().isBefore(until)) Thread.sleep(100);
        return WebhookReceiver.received(path);
    }

    @Test
    void theUserMapIsEditedThroughTheApiAndPressesAreAnsweredOnTheResponseUrl() throws Exception {
        String t = "act-slack-resp";
        String api = "/slack-resp/api";
        String connection = given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "approvals", "kind", "slack", "url", WebhookReceiver.url(api), "secret", SlackInteractionTest.TOKEN,
                        "channel", "C0APPROVE", "inboundSecret", SlackInteractionTest.SIGNING, "users", Map.of("U0PAT", "pl")))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        String users = "/api/v1/integrations/" + connection + "/users";

        // Validated (nothing changes), admin only, and invisible to another tenant.
        given().header("Authorization", admin(t)).contentType(ContentType.JSON).body(Map.of("alice", "alice", "U0PAT", "pl")).put(users).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("users.alice"));
        given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType(ContentType.JSON).body(Map.of("U0ALICE", "alice")).put(users)
                .then().statusCode(403);
        given().header("Authorization", admin("act-slack-resp-b")).contentType(ContentType.JSON).body(Map.of("U0ALICE", "alice")).put(users)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin(t)).contentType(ContentType.JSON).body("[\"U0ALICE\"]").put(users).then().statusCode(400);
        String hooks = webhook(t, "events", "/slack-resp/events");
        given().header("Authorization", admin(t)).contentType(ContentType.JSON).body(Map.of("U0ALICE", "alice"))
                .put("/api/v1/integrations/" + hooks + "/users").then().statusCode(422).body("errors[0].field", equalTo("users"));
        assertEquals("{\"U0PAT\": \"pl\"}", string(su, "SELECT (settings->'users')::text FROM outlay.integration WHERE id = ?::uuid", connection));
        assertEquals(0, count(su, "SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = ? AND action = 'integration.users'", t));

        given().header("Authorization", admin(t)).contentType(ContentType.JSON).body(Map.of("U0ALICE", "alice", "U0PAT", "pl")).put(users).then()
                .statusCode(200).body("users.U0ALICE", equalTo("alice")).body("users.U0PAT", equalTo("pl")).body("secret", equalTo("***"));
        assertEquals(1, count(su, "SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = ? AND action = 'integration.users' AND object_id = ? "
                + "AND actor = 'root' AND before_json NOT LIKE '%U0ALICE%' AND after_json LIKE '%U0ALICE%alice%'", t, connection));

        routeOwner(t, "team-resp", "slack", "approvals");
        String ts = "1733150000.000900";
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0APPROVE\",\"ts\":\"" + ts + "\"}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.update")).willReturn(okJson("{\"ok\":true}")));
        String refusedUrl = "/slack-resp/actions/T0OUTLAY/1/refused";
        String decidedUrl = "/slack-resp/actions/T0OUTLAY/2/decided";
        WebhookReceiver.server().stubFor(post(urlEqualTo(refusedUrl)).willReturn(aResponse().withStatus(200).withBody("ok")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(decidedUrl)).willReturn(aResponse().withStatus(200).withBody("ok")));
        given().header("Authorization", bearer(t, "alice", "approver")).get("/api/v1/inbox").then().statusCode(200);
        String id = gpuRequest(t, "team-resp", 900, "platform", "approver");
        assertEquals(1, worker.runTenant(t));

        String hook = "/hooks/slack/" + t + "/" + connection;
        long now = Instant.now().getEpochSecond();
        String message = ",\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"C0APPROVE\"},"
                + "\"channel\":{\"id\":\"C0APPROVE\"},\"response_url\":\"";
        String self = form("U0PAT", "outlay_approve", id, message + WebhookReceiver.url(refusedUrl) + "\"");
        press(hook, self, now, SlackSignature.sign(SlackInteractionTest.SIGNING, now, self)).statusCode(200).body("outcome", equalTo("refused"));
        JsonNode refusal = json.readTree(awaitPosts(refusedUrl, 1).get(0).getBodyAsString());
        assertEquals("ephemeral", refusal.path("response_type").asText());
        assertFalse(refusal.path("replace_original").asBoolean(true));
        assertTrue(refusal.path("text").asText().startsWith("Not done: "), refusal.toString());

        String approve = form("U0ALICE", "outlay_approve", id, message + WebhookReceiver.url(decidedUrl) + "\"");
        press(hook, approve, now, SlackSignature.sign(SlackInteractionTest.SIGNING, now, approve)).statusCode(200)
                .body("outcome", equalTo("decided")).body("externalStatus", equalTo("Approved by alice"));
        List<LoggedRequest> replaced = awaitPosts(decidedUrl, 1);
        assertEquals(1, replaced.size());
        assertEquals("application/json; charset=utf-8", replaced.get(0).getHeader("Content-Type"));
        assertEquals(null, replaced.get(0).getHeader("Authorization"), "a response_url takes no token");
        JsonNode replacement = json.readTree(replaced.get(0).getBodyAsString());
        assertTrue(replacement.path("replace_original").asBoolean(), replacement.toString());
        assertFalse(replacement.has("channel") || replacement.has("ts"), replacement.toString());
        assertTrue(replacement.toString().contains("*Approved by alice*"), replacement.toString());
        assertTrue(replacement.path("text").asText().startsWith("Approval needed"), "the original message's content stays: " + replacement);
        assertFalse(replacement.toString().contains("\"type\":\"actions\""), "no buttons on a decided task");
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/spend-requests/" + id).then().statusCode(200)
                .body("status", equalTo("approved")).body("decidedBy", equalTo("alice"));
        assertEquals(1, WebhookReceiver.received(refusedUrl).size(), "one answer per press");
        given().header("Authorization", admin("act-slack-resp-b")).get("/api/v1/integrations").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + connection + "' }.healthDetail", nullValue());
    }
}
