/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

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
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.makeDue;
import static dev.outlay.actions.ActionsTestSupport.string;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack chat.postMessage against a stub of the Web API: Block Kit body, bot token, Slack's 200-with-ok:false errors. */
@QuarkusTest
class SlackDeliveryTest {

    static final String TOKEN = "xoxb-test-0123456789";

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    /** A tenant whose routing sends high alerts to Slack: its own published version of the rule set. */
    void routeAlertsToSlack(String tenant) {
        String fo = dev.outlay.support.Tokens.bearer(tenant, "fo", "finops_admin");
        String hash = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions").then().statusCode(200)
                .extract().path("[0].hash");
        String content = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions/" + hash).then()
                .statusCode(200).extract().path("content");
        // A new first row (the golden scenarios, which publishing re-runs, name no such owner).
        String slack = content.replace("<rule id=\"nr01\">", "<rule id=\"nr00\"><inputEntry id=\"nr00i0\"><text>-</text></inputEntry>"
                + "<inputEntry id=\"nr00i1\"><text>-</text></inputEntry><inputEntry id=\"nr00i2\"><text>\"team-slack\"</text></inputEntry>"
                + "<inputEntry id=\"nr00i3\"><text>-</text></inputEntry><inputEntry id=\"nr00i4\"><text>-</text></inputEntry>"
                + "<outputEntry id=\"nr00o0\"><text>\"slack\"</text></outputEntry><outputEntry id=\"nr00o1\"><text>\"alerts\"</text></outputEntry>"
                + "<outputEntry id=\"nr00o2\"><text>\"NR-00\"</text></outputEntry></rule><rule id=\"nr01\">");
        assertTrue(!slack.equals(content));
        String draft = given().header("Authorization", fo).contentType("application/xml").body(slack)
                .post("/api/v1/rulesets/notification-routing/versions?note=slack").then().statusCode(201).extract().path("hash");
        given().header("Authorization", fo).post("/api/v1/rulesets/notification-routing/versions/" + draft + "/publish").then().statusCode(200);
    }

    String slackConnection(String tenant, String apiPath) {
        return given().header("Authorization", admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("name", "alerts", "kind", "slack", "url", WebhookReceiver.url(apiPath), "secret", TOKEN, "channel", "C0FINOPS"))
                .post("/api/v1/integrations").then().statusCode(201).body("channel", equalTo("C0FINOPS")).body("secret", equalTo("***"))
                .extract().path("id");
    }

    UUID emit(String tenant) {
        ActionEvent e = new ActionEvent(EventKind.ANOMALY_ALERT, "anomaly", "an-" + UUID.randomUUID(), "high", "team-slack", "prod",
                new BigDecimal("1234.50"), "USD", Map.of("summary", "Cost anomaly on acct/ec2 <spike> & more"));
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e)))
                .deliveryId().orElseThrow();
    }

    @Test
    void postsBlockKitWithTheBotTokenAndKeepsTheMessageTs() throws Exception {
        String t = "act-slack";
        String api = "/slack-ok/api";
        slackConnection(t, api);
        routeAlertsToSlack(t);
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0FINOPS\",\"ts\":\"1733130000.000100\"}")));
        UUID d = emit(t);
        assertEquals("slack", string(su, "SELECT channel FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(1, worker.runTenant(t));
        LoggedRequest r = WebhookReceiver.received(api + "/chat.postMessage").get(0);
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        String body = r.getBodyAsString();
        assertTrue(body.contains("\"channel\":\"C0FINOPS\""), body);
        assertTrue(body.contains("{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Cost anomaly\"}}"), body);
        assertTrue(body.contains("Cost anomaly on acct/ec2 &lt;spike&gt; &amp; more"), "mrkdwn control characters escaped: " + body);
        assertTrue(body.contains("*Amount*\\n1234.50 USD"), body);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals("C0FINOPS:1733130000.000100", string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?", d));
    }

    @Test
    void slackErrorsInsideHttp200AreMappedToHeldAndRetry() throws Exception {
        String t = "act-slack-errors";
        String api = "/slack-err/api";
        String id = slackConnection(t, api);
        routeAlertsToSlack(t);
        String path = api + "/chat.postMessage";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")).willSetStateTo("throttled"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("slack").whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("ok"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("slack").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0FINOPS\",\"ts\":\"1.2\"}")));
        UUID d = emit(t);
        worker.runTenant(t);
        assertEquals("held", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + id + "' }.healthy", equalTo(false))
                .body("find { it.id == '" + id + "' }.healthDetail", equalTo("slack: invalid_auth"));

        given().header("Authorization", admin(t)).post("/api/v1/deliveries/" + d + "/retry").then().statusCode(200);
        worker.runTenant(t);
        assertEquals("pending", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        long wait = Long.parseLong(string(su, "SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM outlay.action_delivery WHERE id = ?", d));
        assertTrue(wait >= 25 && wait <= 30, "Retry-After honoured: " + wait);
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals("held,retry,delivered", string(su, "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", d));
        assertEquals(1, WebhookReceiver.received(path).stream().map(x -> x.getHeader("Authorization")).distinct().count());
    }

    @Test
    void aResendAfterACrashPostsAgainOnlyWhenTheChannelHistoryCannotBeRead() throws Exception {
        String t = "act-slack-resend";
        String api = "/slack-resend/api";
        slackConnection(t, api);
        routeAlertsToSlack(t);
        WebhookReceiver.server().stubFor(post(urlEqualTo(api + "/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0FINOPS\",\"ts\":\"1733130000.000500\"}")));
        // The bot lacks channels:history: the lookup is refused, so the resend posts (the documented fallback).
        WebhookReceiver.server().stubFor(get(urlPathEqualTo(api + "/conversations.history"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"channels:history\"}")));
        UUID d = emit(t);
        ActionsTestSupport.crashAfterFirstSend(worker, t);
        ActionsTestSupport.expireLeases(su, t);
        assertEquals(1, worker.runTenant(t));
        LoggedRequest looked = WebhookReceiver.server().findAll(getRequestedFor(urlPathEqualTo(api + "/conversations.history"))).get(0);
        assertEquals("C0FINOPS", looked.queryParameter("channel").firstValue());
        assertTrue(looked.queryParameter("oldest").firstValue().matches("[0-9]{10}\\.000000"), looked.getUrl());
        assertEquals(2, WebhookReceiver.received(api + "/chat.postMessage").size());
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals("lease_expired,delivered", string(su, "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", d));
        // A first attempt never looks.
        UUID fresh = emit(t);
        assertEquals(1, worker.runTenant(t));
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", fresh));
        assertEquals(1, WebhookReceiver.server().findAll(getRequestedFor(urlPathEqualTo(api + "/conversations.history"))).size());
    }
}

