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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remediation dispatch against stubs of GitHub (repository_dispatch) and GitLab (pipeline trigger); the run link is kept. */
@QuarkusTest
class DispatchDeliveryTest {

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    UUID emit(String tenant, String subjectId) {
        ActionEvent e = new ActionEvent(EventKind.FINDING, "finding", subjectId, "high", "team-remediate", "prod",
                new BigDecimal("310.25"), "USD", Map.of("summary", "Idle volume vol-0abc"));
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e)))
                .deliveryId().orElseThrow();
    }

    @Test
    void githubRepositoryDispatchOncePerSubjectThroughThrottlingAndAnOutage() throws Exception {
        String t = "act-github";
        given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "remediate", "kind", "github", "url", WebhookReceiver.url("/gh-api"), "secret", "github_pat_test_0123456789",
                        "channel", "acme/infra"))
                .post("/api/v1/integrations").then().statusCode(201).body("channel", equalTo("acme/infra"));
        routeOwner(t, "team-remediate", "github", "remediate");
        String path = "/gh-api/repos/acme/infra/dispatches";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("gh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("down"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("gh").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("gh").whenScenarioStateIs("up").willReturn(aResponse().withStatus(204)));
        String finding = "fd-" + UUID.randomUUID();
        UUID d = emit(t, finding);
        worker.runTenant(t);
        long wait = Long.parseLong(string(su, "SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM outlay.action_delivery WHERE id = ?", d));
        assertTrue(wait >= 1 && wait <= 3, "Retry-After honoured: " + wait);
        makeDue(su, t);
        worker.runTenant(t);
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        List<LoggedRequest> sent = WebhookReceiver.received(path);
        assertEquals(3, sent.size());
        LoggedRequest r = sent.get(2);
        assertEquals("Bearer github_pat_test_0123456789", r.getHeader("Authorization"));
        assertEquals("application/vnd.github+json", r.getHeader("Accept"));
        assertEquals("2022-11-28", r.getHeader("X-GitHub-Api-Version"));
        JsonNode body = json.readTree(r.getBodyAsString());
        assertEquals("outlay.finding", body.path("event_type").asText());
        assertEquals(finding, body.path("client_payload").path("subjectId").asText());
        assertEquals("https://outlay.example/console/finding/" + finding, body.path("client_payload").path("evidenceUrl").asText());
        String runs = WebhookReceiver.url("/gh-api") + "/acme/infra/actions?query=event%3Arepository_dispatch";
        assertEquals(runs, string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(runs, string(su, "SELECT external_url FROM outlay.external_link WHERE tenant_id = ? AND subject_type = 'finding' AND subject_id = ?", t, finding));

        // A second event about the same finding starts no second remediation.
        UUID again = emit(t, finding);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", again));
        assertEquals(3, WebhookReceiver.received(path).size());
    }

    @Test
    void githubWorkflowDispatchKeepsTheRunItselfAsEvidence() throws Exception {
        String t = "act-github-wf";
        given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "remediate", "kind", "github", "url", WebhookReceiver.url("/gh-wf"), "secret", "github_pat_test_0123456789",
                        "channel", "acme/infra:remediate.yml", "ref", "main"))
                .post("/api/v1/integrations").then().statusCode(201).body("channel", equalTo("acme/infra:remediate.yml"));
        routeOwner(t, "team-remediate", "github", "remediate");
        String path = "/gh-wf/repos/acme/infra/actions/workflows/remediate.yml/dispatches";
        String html = "https://github.example/acme/infra/actions/runs/22558123";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"workflow_run_id\":22558123,\"run_url\":\"https://api.github.example/repos/acme/infra/actions/runs/22558123\",\"html_url\":\"" + html + "\"}")));
        String finding = "fd-" + UUID.randomUUID();
        UUID d = emit(t, finding);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        JsonNode body = json.readTree(WebhookReceiver.received(path).get(0).getBodyAsString());
        assertEquals("main", body.path("ref").asText());
        assertTrue(body.path("return_run_details").asBoolean());
        // Everything in one declared string input: a workflow refuses undeclared inputs.
        assertEquals(1, body.path("inputs").size());
        JsonNode outlay = json.readTree(body.path("inputs").path("outlay").asText());
        assertEquals(finding, outlay.path("subjectId").asText());
        assertEquals("https://outlay.example/console/finding/" + finding, outlay.path("evidenceUrl").asText());
        assertEquals(html, string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(html, string(su, "SELECT external_url FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, finding));
        assertEquals("run:22558123", string(su, "SELECT external_key FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, finding));
        given().header("Authorization", admin(t)).get("/api/v1/deliveries/links?subjectType=finding&subjectId=" + finding).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].url", equalTo(html)).body("[0].key", equalTo("run:22558123"));
        given().header("Authorization", admin("act-github-other")).get("/api/v1/deliveries/links?subjectType=finding&subjectId=" + finding).then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", admin(t)).get("/api/v1/deliveries/links?subjectType=finding").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    void gitlabPipelineTriggerKeepsThePipelineLinkAndAnUnknownTokenHolds() throws Exception {
        String t = "act-gitlab";
        String id = given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "remediate", "kind", "gitlab", "url", WebhookReceiver.url("/gl"), "secret", "glptt-test-token-0123456789",
                        "channel", "4242", "ref", "prod"))
                .post("/api/v1/integrations").then().statusCode(201).body("ref", equalTo("prod")).extract().path("id");
        routeOwner(t, "team-remediate", "gitlab", "remediate");
        String path = "/gl/api/v4/projects/4242/trigger/pipeline";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("gl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"404 Not Found\"}")).willSetStateTo("ok"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("gl").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":987,\"status\":\"created\",\"web_url\":\"https://gitlab.example/acme/infra/-/pipelines/987\"}")));
        String finding = "fd-" + UUID.randomUUID();
        UUID d = emit(t, finding);
        worker.runTenant(t);
        assertEquals("held", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + id + "' }.healthy", equalTo(false));
        given().header("Authorization", admin(t)).post("/api/v1/deliveries/" + d + "/retry").then().statusCode(200);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        String form = URLDecoder.decode(WebhookReceiver.received(path).get(1).getBodyAsString(), StandardCharsets.UTF_8);
        assertEquals("application/x-www-form-urlencoded", WebhookReceiver.received(path).get(1).getHeader("Content-Type"));
        assertTrue(form.startsWith("token=glptt-test-token-0123456789&ref=prod&"), form);
        assertTrue(form.contains("variables[OUTLAY_SUBJECT_ID]=" + finding), form);
        assertTrue(form.contains("variables[OUTLAY_EVIDENCE_URL]=https://outlay.example/console/finding/" + finding), form);
        assertTrue(form.contains("variables[OUTLAY_KIND]=finding"), form);
        String pipeline = "https://gitlab.example/acme/infra/-/pipelines/987";
        assertEquals(pipeline, string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(pipeline, string(su, "SELECT external_url FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, finding));
        assertEquals("pipeline:987", string(su, "SELECT external_key FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, finding));
        assertEquals(null, string(su, "SELECT external_url FROM outlay.external_link WHERE tenant_id = 'act-github' AND subject_id = ?", finding));
    }
}
