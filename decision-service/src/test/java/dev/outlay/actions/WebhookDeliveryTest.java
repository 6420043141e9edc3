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
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.makeDue;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook deliveries against a stub receiver: throttling, server errors, refused credentials, dead letters. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    UUID emit(String tenant) {
        ActionEvent e = new ActionEvent(EventKind.ANOMALY_ALERT, "anomaly", UUID.randomUUID().toString(), "high", "team-a", "prod",
                new BigDecimal("1234.56"), "USD", Map.of("series", "acct/ec2"));
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e)))
                .deliveryId().orElseThrow();
    }

    String status(UUID d) throws Exception {
        return string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d);
    }

    String outcomes(UUID d) throws Exception {
        return string(su, "SELECT string_agg(outcome || ':' || coalesce(status_code::text, '-'), ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", d);
    }

    @Test
    void throttledWithRetryAfterThenAccepted() throws Exception {
        String t = "act-429";
        String path = "/429/alerts";
        webhook(t, "alerts", path);
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")).willSetStateTo("open"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("429").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200)));
        UUID d = emit(t);
        worker.runTenant(t);
        assertEquals("pending", status(d));
        // Retry-After (120 s) wins over the 1 s base backoff of the test profile.
        long wait = Long.parseLong(string(su, "SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM outlay.action_delivery WHERE id = ?", d));
        assertTrue(wait >= 110 && wait <= 120, "next attempt honours Retry-After: " + wait);
        assertEquals(0, worker.runTenant(t), "not due before Retry-After");
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", status(d));
        assertEquals("retry:429,delivered:200", outcomes(d));
        assertEquals(2, WebhookReceiver.received(path).size());
    }

    @Test
    void serverErrorThenAccepted() throws Exception {
        String t = "act-5xx";
        String path = "/5xx/alerts";
        webhook(t, "alerts", path);
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("5xx").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        UUID d = emit(t);
        worker.runTenant(t);
        assertEquals("pending", status(d));
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", status(d));
        assertEquals("retry:503,delivered:204", outcomes(d));
        var keys = WebhookReceiver.received(path).stream().map(r -> r.getHeader("Idempotency-Key")).distinct().toList();
        assertEquals(1, keys.size(), "every attempt of one delivery carries one key");
    }

    @Test
    void refusedCredentialsMarkTheConnectionUnhealthyAndLoseNothing() throws Exception {
        String t = "act-401";
        String path = "/401/alerts";
        String id = webhook(t, "alerts", path);
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("401").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("bad signature")).willSetStateTo("fixed"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("401").whenScenarioStateIs("fixed")
                .willReturn(aResponse().withStatus(200)));
        UUID d = emit(t);
        worker.runTenant(t);
        assertEquals("held", status(d));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.healthy", equalTo(false));
        makeDue(su, t);
        assertEquals(0, worker.runTenant(t), "a held delivery is not retried into the same refusal");

        // The receiver is fixed; a successful test send is the evidence and releases what was held.
        given().header("Authorization", admin(t)).post("/api/v1/integrations/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(true)).body("statusCode", equalTo(200));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + id + "' }.healthy", equalTo(true));
        assertEquals(1, worker.runTenant(t));
        assertEquals("delivered", status(d));
        assertEquals("held:401,delivered:200", outcomes(d));
    }

    @Test
    void deadLetteredAfterMaxAttemptsAndRetriedByHand() throws Exception {
        String t = "act-dead";
        String path = "/dead/alerts";
        webhook(t, "alerts", path);
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        UUID d = emit(t);
        for (int i = 0; i < 3; i++) {
            makeDue(su, t);
            assertEquals(1, worker.runTenant(t));
        }
        assertEquals("dead", status(d));
        assertEquals("retry:500,retry:500,dead:500", outcomes(d));
        makeDue(su, t);
        assertEquals(0, worker.runTenant(t));

        given().header("Authorization", ActionsTestSupport.admin(t)).queryParam("status", "dead").get("/api/v1/deliveries").then()
                .statusCode(200).body("[0].id", equalTo(d.toString())).body("[0].attemptLog.size()", equalTo(3));
        given().header("Authorization", dev.outlay.support.Tokens.bearer(t, "aud", "auditor")).post("/api/v1/deliveries/" + d + "/retry")
                .then().statusCode(403);
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        given().header("Authorization", dev.outlay.support.Tokens.bearer(t, "fo", "finops_admin")).post("/api/v1/deliveries/" + d + "/retry")
                .then().statusCode(200).body("status", equalTo("pending"));
        assertEquals(1, worker.runTenant(t));
        assertEquals("delivered", status(d));
        given().header("Authorization", ActionsTestSupport.admin(t)).post("/api/v1/deliveries/" + d + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1L, ActionsTestSupport.count(su, "SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = ? AND action = 'delivery.retry'", t));
    }
}
