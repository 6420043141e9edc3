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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.makeDue;
import static dev.outlay.actions.ActionsTestSupport.routeOwner;
import static dev.outlay.actions.ActionsTestSupport.string;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams Workflows webhook against a stub: Adaptive Card body with the console link, 429/5xx/401 handling. */
@QuarkusTest
class TeamsDeliveryTest {

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static String trigger(String room) {
        return "/teams/workflows/" + room + "/triggers/manual/paths/invoke?api-version=1&sig=s3cr3t-" + room;
    }

    String teams(String tenant, String room) {
        return given().header("Authorization", admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("name", "ops-room", "kind", "teams", "secret", WebhookReceiver.url(trigger(room))))
                .post("/api/v1/integrations").then().statusCode(201).body("secret", equalTo("***"))
                .body("url", equalTo(WebhookReceiver.server().baseUrl())).extract().path("id");
    }

    UUID emit(String tenant, EventKind kind, String subjectType) {
        ActionEvent e = new ActionEvent(kind, subjectType, "sr-" + UUID.randomUUID(), "high", "team-teams", "prod",
                new BigDecimal("2500.00"), "EUR", Map.of("summary", "GPU cluster for a training run"));
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e)))
                .deliveryId().orElseThrow();
    }

    @Test
    void postsAnAdaptiveCardWithTheTaskLinkThroughThrottlingAndAnOutage() throws Exception {
        String t = "act-teams";
        teams(t, "room-a");
        routeOwner(t, "team-teams", "teams", "ops-room");
        String path = trigger("room-a");
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("teams").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")).willSetStateTo("down"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("teams").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("teams").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));
        UUID d = emit(t, EventKind.APPROVAL_TASK, "spend_request");
        worker.runTenant(t);
        long wait = Long.parseLong(string(su, "SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM outlay.action_delivery WHERE id = ?", d));
        assertTrue(wait >= 2 && wait <= 5, "Retry-After honoured: " + wait);
        makeDue(su, t);
        worker.runTenant(t);
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals("retry,retry,delivered", string(su, "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", d));

        List<LoggedRequest> sent = WebhookReceiver.received(path);
        assertEquals(3, sent.size());
        LoggedRequest r = sent.get(2);
        assertEquals("application/json", r.getHeader("Content-Type"));
        assertFalse(r.containsHeader("Authorization"), "the trigger URL's signature is the credential");
        JsonNode body = json.readTree(r.getBodyAsString());
        assertEquals("message", body.path("type").asText());
        JsonNode attachment = body.path("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        JsonNode card = attachment.path("content");
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.4", card.path("version").asText());
        assertEquals("Approval needed", card.path("body").get(0).path("text").asText());
        assertEquals("GPU cluster for a training run", card.path("body").get(1).path("text").asText());
        assertTrue(card.path("body").get(2).path("facts").toString().contains("{\"title\":\"Amount\",\"value\":\"2500.00 EUR\"}"), card.toString());
        String subject = string(su, "SELECT e.subject_id FROM outlay.action_event e JOIN outlay.action_delivery d ON d.event_id = e.id WHERE d.id = ?", d);
        JsonNode open = card.path("actions").get(0);
        assertEquals("Action.OpenUrl", open.path("type").asText());
        assertEquals("Open the task in Outlay", open.path("title").asText());
        assertEquals("https://outlay.example/console/spend_request/" + subject, open.path("url").asText());
    }

    @Test
    void aRefusedTriggerHoldsTheDeliveryUntilRetriedByHand() throws Exception {
        String t = "act-teams-auth";
        String id = teams(t, "room-b");
        routeOwner(t, "team-teams", "teams", "ops-room");
        String path = trigger("room-b");
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("teams-auth").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"DirectApiAuthorizationRequired\"}}")).willSetStateTo("fixed"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("teams-auth").whenScenarioStateIs("fixed")
                .willReturn(aResponse().withStatus(202)));
        UUID d = emit(t, EventKind.ANOMALY_ALERT, "anomaly");
        worker.runTenant(t);
        assertEquals("held", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + id + "' }.healthy", equalTo(false));
        given().header("Authorization", admin(t)).post("/api/v1/deliveries/" + d + "/retry").then().statusCode(200);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(2, WebhookReceiver.received(path).size());
        assertEquals(WebhookReceiver.received(path).get(0).getBodyAsString(), WebhookReceiver.received(path).get(1).getBodyAsString());
    }
}
