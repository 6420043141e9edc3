/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
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
import static dev.outlay.actions.ActionsTestSupport.gpuRequest;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.webhook;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox: written with the change that caused it, routed by the rule set, delivered exactly once per delivery row. */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static ActionEvent finding(String severity, String environment, BigDecimal amount) {
        return new ActionEvent(EventKind.FINDING, "finding", UUID.randomUUID().toString(), severity, "team-a", environment, amount,
                amount == null ? null : "EUR", Map.of("title", "idle volume"));
    }

    ActionOutbox.Emitted emit(String tenant, ActionEvent e) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e)));
    }

    @Test
    void anEventIsWrittenOnlyInsideTheTransactionOfItsCause() throws Exception {
        String t = "act-tx";
        webhook(t, "alerts", "/tx/alerts");
        // Outside a transaction the outbox refuses: an event must commit or roll back with its cause.
        assertThrows(TransactionalException.class, () -> TenantContext.runAs(TenantContext.system(t), () -> outbox.emit(finding("high", "prod", null))));
        // The cause fails after the event was written: neither the event nor its delivery survive.
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs(TenantContext.system(t), () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.emit(finding("high", "prod", new BigDecimal("10.50")));
            throw new IllegalStateException("the change that caused the event failed");
        })));
        assertEquals(0, count(su, "SELECT count(*) FROM outlay.action_event WHERE tenant_id = ?", t));
        assertEquals(0, count(su, "SELECT count(*) FROM outlay.action_delivery WHERE tenant_id = ?", t));

        ActionOutbox.Emitted ok = emit(t, finding("high", "prod", new BigDecimal("10.50")));
        assertEquals("webhook", ok.route().channel());
        assertEquals("alerts", ok.route().target());
        assertEquals("NR-03", ok.route().ruleId());
        assertEquals(1, count(su, "SELECT count(*) FROM outlay.action_delivery WHERE tenant_id = ? AND status = 'pending'", t));
        assertEquals("10.50", string(su, "SELECT amount::text FROM outlay.action_event WHERE id = ?", ok.eventId()));
        // The routing is an ordinary logged decision, so it can be replayed against another version of the rule set.
        assertEquals(ok.route().decisionId().toString(), string(su,
                "SELECT id::text FROM outlay.decision_log WHERE tenant_id = ? AND rule_set = 'notification-routing' AND id = ?", t, ok.route().decisionId()));
        assertTrue(string(su, "SELECT inputs FROM outlay.decision_log WHERE id = ?", ok.route().decisionId()).contains("\"eventKind\":\"finding\""));

        // Routed to "none": the event is kept, nothing is sent.
        ActionOutbox.Emitted quiet = emit(t, finding("medium", "sandbox", null));
        assertEquals("none", quiet.route().channel());
        assertTrue(quiet.deliveryId().isEmpty());
    }

    @Test
    void aViolationRecordedThroughTheApiIsDeliveredSigned() throws Exception {
        String t = "act-violation";
        webhook(t, "alerts", "/violation/alerts");
        WebhookReceiver.server().stubFor(post(urlEqualTo("/violation/alerts")).willReturn(aResponse().withStatus(202)));
        String id = given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "prod", "amount", 7000))
                .post("/api/v1/violations").then().statusCode(201).extract().path("id");
        assertEquals(1, worker.runTenant(t));
        List<LoggedRequest> got = WebhookReceiver.received("/violation/alerts");
        assertEquals(1, got.size());
        LoggedRequest r = got.get(0);
        String body = r.getBodyAsString();
        assertTrue(body.contains("\"kind\":\"policy_violation\""), body);
        assertTrue(body.contains("\"subject\":{\"type\":\"policy_violation\",\"id\":\"" + id + "\"}"), body);
        assertTrue(body.contains("\"amount\":{\"value\":\"7000\""), body);
        String key = string(su, "SELECT idempotency_key FROM outlay.action_delivery WHERE tenant_id = ?", t);
        assertEquals(key, r.getHeader("Idempotency-Key"));
        assertEquals("application/json", r.getHeader("Content-Type"));
        long ts = Long.parseLong(r.getHeader(WebhookSignature.TIMESTAMP));
        assertEquals(WebhookSignature.sign(ActionsTestSupport.SECRET, ts, body), r.getHeader(WebhookSignature.HEADER));
        assertTrue(WebhookSignature.verify(ActionsTestSupport.SECRET, r.getHeader(WebhookSignature.TIMESTAMP), body,
                r.getHeader(WebhookSignature.HEADER), ts + 10, 300));
        assertTrue(!WebhookSignature.verify("another-secret-0123456789", r.getHeader(WebhookSignature.TIMESTAMP), body,
                r.getHeader(WebhookSignature.HEADER), ts, 300), "a wrong secret does not verify");
        assertTrue(!WebhookSignature.verify(ActionsTestSupport.SECRET, r.getHeader(WebhookSignature.TIMESTAMP), body,
                r.getHeader(WebhookSignature.HEADER), ts + 301, 300), "a stale timestamp does not verify");

        given().header("Authorization", bearer(t, "aud", "auditor")).queryParam("status", "delivered").queryParam("channel", "webhook")
                .get("/api/v1/deliveries").then().statusCode(200)
                .body("", hasSize(1)).body("[0].eventKind", equalTo("policy_violation")).body("[0].attempts", equalTo(1))
                .body("[0].attemptLog", hasSize(1)).body("[0].attemptLog[0].outcome", equalTo("delivered"))
                .body("[0].attemptLog[0].statusCode", equalTo(202));
        assertEquals(0, worker.runTenant(t), "nothing is sent twice");
        given().header("Authorization", admin(t)).queryParam("status", "bogus").get("/api/v1/deliveries").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEscalatedSpendRequestIsAnApprovalTaskEventForTheApprovers() throws Exception {
        String t = "act-approval";
        webhook(t, "approvals", "/approval/approvals");
        WebhookReceiver.server().stubFor(post(urlEqualTo("/approval/approvals")).willReturn(aResponse().withStatus(200)));
        String id = gpuRequest(t, "ml", 900, "platform");
        assertEquals("approval_task", string(su, "SELECT kind FROM outlay.action_event WHERE tenant_id = ? AND subject_id = ?", t, id));
        assertEquals("900.00 USD", string(su, "SELECT amount::text || ' ' || currency FROM outlay.action_event WHERE tenant_id = ? AND subject_id = ?", t, id));
        assertEquals(1, worker.runTenant(t));
        String body = WebhookReceiver.received("/approval/approvals").get(0).getBodyAsString();
        assertTrue(body.contains("\"kind\":\"approval_task\"") && body.contains("\"approverGroup\":\"approver\""), body);
    }

    @Test
    void oneTenantsCrashingDeliveryNeitherStarvesOthersNorLoopsForever() throws Exception {
        String a = "act-starve-a";
        String b = "act-starve-b";
        webhook(a, "alerts", "/starve/a");
        webhook(b, "alerts", "/starve/b");
        WebhookReceiver.server().stubFor(post(urlEqualTo("/starve/a")).willReturn(aResponse().withStatus(200)));
        WebhookReceiver.server().stubFor(post(urlEqualTo("/starve/b")).willReturn(aResponse().withStatus(200)));
        UUID da = emit(a, finding("high", "prod", null)).deliveryId().orElseThrow();
        UUID db = emit(b, finding("high", "prod", null)).deliveryId().orElseThrow();
        worker.afterSendHook(() -> {
            throw new IllegalStateException("this worker keeps dying mid-send");
        });
        try {
            worker.runOnce();
            assertEquals(1, WebhookReceiver.received("/starve/a").size());
            assertEquals(1, WebhookReceiver.received("/starve/b").size(), "the second tenant was still served");
            // Three interrupted attempts (the test profile's max) and the next claim dead-letters instead of sending.
            for (int i = 0; i < 3; i++) {
                ActionsTestSupport.expireLeases(su, a);
                try {
                    worker.runTenant(a);
                } catch (IllegalStateException expected) {
                    // the hook
                }
            }
        } finally {
            worker.afterSendHook(null);
        }
        assertEquals("dead", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", da));
        assertEquals(3, WebhookReceiver.received("/starve/a").size());
        assertEquals("lease_expired,lease_expired,lease_expired,dead", string(su,
                "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", da));
        assertEquals("sending", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", db));
    }

    @Test
    void aCrashBetweenSendAndCompletionResendsWithTheSameKeyAndEndsDeliveredOnce() throws Exception {
        String t = "act-crash";
        webhook(t, "alerts", "/crash/alerts");
        WebhookReceiver.server().stubFor(post(urlEqualTo("/crash/alerts")).willReturn(aResponse().withStatus(200)));
        ActionOutbox.Emitted e = emit(t, finding("critical", "prod", new BigDecimal("99.99")));
        UUID delivery = e.deliveryId().orElseThrow();

        ActionsTestSupport.crashAfterFirstSend(worker, t);
        assertEquals(1, WebhookReceiver.received("/crash/alerts").size());
        assertEquals("sending", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", delivery));
        // While the lease holds, no other run takes it.
        assertEquals(0, worker.runTenant(t));

        ActionsTestSupport.expireLeases(su, t);
        assertEquals(1, worker.runTenant(t));
        List<LoggedRequest> got = WebhookReceiver.received("/crash/alerts");
        assertEquals(2, got.size());
        assertEquals(got.get(0).getHeader("Idempotency-Key"), got.get(1).getHeader("Idempotency-Key"));
        assertEquals(got.get(0).getBodyAsString(), got.get(1).getBodyAsString(), "the resend carries the same event bytes");
        assertEquals("outlay-" + delivery, got.get(1).getHeader("Idempotency-Key"));
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", delivery));
        assertEquals(1, count(su, "SELECT count(*) FROM outlay.action_delivery WHERE event_id = ?", e.eventId()));
        assertEquals("lease_expired,delivered", string(su,
                "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?", delivery));
        assertEquals(0, worker.runTenant(t));
    }
}
