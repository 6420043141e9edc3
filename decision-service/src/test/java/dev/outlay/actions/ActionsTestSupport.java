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
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Creating webhook connections through the API, and reading or nudging outbox rows as the superuser. */
final class ActionsTestSupport {

    static final String SECRET = "whsec-test-0123456789abcdef";

    private ActionsTestSupport() {
    }

    static String admin(String tenant) {
        return bearer(tenant, "root", "admin");
    }

    static String webhook(String tenant, String name, String path) {
        return given().header("Authorization", admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "webhook", "url", WebhookReceiver.url(path), "secret", SECRET))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }

    /**
     * A GPU spend request in dev that the spend policy escalates to the approver group (SLA 24 policy hours, 12 s in
     * the test profile), made by {@code pl} with {@code roles}; its id.
     */
    static String gpuRequest(String tenant, String owner, int amount, String... roles) {
        return given().header("Authorization", bearer(tenant, "pl", roles)).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", amount, "currency", "USD", "owner", owner, "description", "training"))
                .post("/api/v1/spend-requests").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("pending_approval"))
                .body("approverGroup", org.hamcrest.Matchers.equalTo("approver")).extract().path("id");
    }

    /** A policy violation of {@code owner} recorded through the API (7000 of standard in prod); its id. */
    static String violation(String tenant, String owner) {
        return given().header("Authorization", bearer(tenant, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", owner, "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-0abc", "day", "2026-11-20")))
                .post("/api/v1/violations").then().statusCode(201).extract().path("id");
    }

    /**
     * Publishes a version of the tenant's routing rule set with a new first row: events of {@code owner} go to
     * {@code channel}/{@code target} (the golden scenarios, which publishing re-runs, name no such owner).
     */
    static void routeOwner(String tenant, String owner, String channel, String target) {
        route(tenant, new Row("-", "-", "\"" + owner + "\"", "-", "-", channel, target));
    }

    /** One routing row: the five inputs' unary tests as FEEL text ({@code -} for any), then where it sends. */
    record Row(String eventKind, String severity, String owner, String environment, String amount, String channel, String target) {
    }

    /**
     * Publishes a version of the tenant's routing rule set with {@code rows} first, in order; they must not change
     * what the golden scenarios (re-run by publishing) expect.
     */
    static void route(String tenant, Row... rows) {
        String fo = bearer(tenant, "fo", "finops_admin");
        String hash = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions").then().statusCode(200)
                .extract().path("[0].hash");
        String content = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions/" + hash).then()
                .statusCode(200).extract().path("content");
        StringBuilder added = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            Row x = rows[r];
            String id = "nrt" + r;
            added.append("<rule id=\"").append(id).append("\">");
            String[] inputs = {x.eventKind(), x.severity(), x.owner(), x.environment(), x.amount()};
            for (int i = 0; i < inputs.length; i++) {
                added.append("<inputEntry id=\"").append(id).append('i').append(i).append("\"><text>").append(xml(inputs[i])).append("</text></inputEntry>");
            }
            String[] outputs = {"\"" + x.channel() + "\"", "\"" + x.target() + "\"", "\"NR-T" + r + "\""};
            for (int o = 0; o < outputs.length; o++) {
                added.append("<outputEntry id=\"").append(id).append('o').append(o).append("\"><text>").append(outputs[o]).append("</text></outputEntry>");
            }
            added.append("</rule>");
        }
        String routed = content.replace("<rule id=\"nr01\">", added + "<rule id=\"nr01\">");
        if (routed.equals(content)) throw new IllegalStateException("rule nr01 not found in the routing rule set");
        String draft = given().header("Authorization", fo).contentType("application/xml").body(routed)
                .post("/api/v1/rulesets/notification-routing/versions?note=test-route").then().statusCode(201).extract().path("hash");
        given().header("Authorization", fo).post("/api/v1/rulesets/notification-routing/versions/" + draft + "/publish").then().statusCode(200);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Jira's create-issue answers FIN-1, FIN-2, … FIN-n in turn (a scenario per path). */
    static void issueKeys(String createPath, int n) {
        for (int i = 1; i <= n; i++) {
            WebhookReceiver.server().stubFor(post(urlEqualTo(createPath))
                    .inScenario("issues " + createPath).whenScenarioStateIs(i == 1 ? Scenario.STARTED : "k" + i)
                    .willReturn(aResponse().withStatus(201)
                            .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + (10000 + i) + "\",\"key\":\"FIN-" + i + "\"}"))
                    .willSetStateTo("k" + (i + 1)));
        }
    }

    /**
     * A worker run that dies after its first HTTP call, before recording it (a crash at the worst moment): that
     * delivery and every other one the run claimed stay {@code sending} under their lease.
     */
    static void crashAfterFirstSend(DeliveryWorker worker, String tenant) {
        worker.afterSendHook(() -> {
            throw new IllegalStateException("worker killed after the HTTP call, before completion");
        });
        try {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> worker.runTenant(tenant));
        } finally {
            worker.afterSendHook(null);
        }
    }

    /** Makes every waiting delivery of the tenant due now (stands in for time passing). */
    static void makeDue(String superuserUrl, String tenant) throws SQLException {
        exec(superuserUrl, "UPDATE outlay.action_delivery SET next_attempt_at = now() - interval '1 second' WHERE tenant_id = ? AND status = 'pending'", tenant);
    }

    static void expireLeases(String superuserUrl, String tenant) throws SQLException {
        exec(superuserUrl, "UPDATE outlay.action_delivery SET lease_until = now() - interval '1 second' WHERE tenant_id = ? AND status = 'sending'", tenant);
    }

    static long count(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String string(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void exec(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
