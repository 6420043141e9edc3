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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.makeDue;
import static dev.outlay.actions.ActionsTestSupport.routeOwner;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.violation;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jira Cloud REST v3 against a stub: one issue per subject, ADF evidence, basic auth, and the signed webhook back. */
@QuarkusTest
class JiraDeliveryTest {

    static final String CREDENTIALS = "finops-bot@example.com:ATATT-test-token-0123";
    static final String HOOK_SECRET = "jira-hook-secret-0123456789";
    static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    ObjectMapper json;

    @Inject
    ExternalLinks links;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    String jira(String tenant, String base) {
        return given().header("Authorization", admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("name", "fin", "kind", "jira", "url", WebhookReceiver.url(base), "secret", CREDENTIALS, "channel", "FIN",
                        "issueType", "Bug", "assignees", Map.of("team-jira", ACCOUNT), "inboundSecret", HOOK_SECRET))
                .post("/api/v1/integrations").then().statusCode(201).body("secret", equalTo("***")).body("inboundSecret", equalTo(true))
                .body("assignees.team-jira", equalTo(ACCOUNT)).extract().path("id");
    }

    static String signed(String body) {
        return "sha256=" + HmacHex.sha256(HOOK_SECRET, body);
    }

    static String issueUpdated(String key, String status, String category) {
        return "{\"timestamp\":1733140000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\",\"key\":\"" + key
                + "\",\"fields\":{\"status\":{\"name\":\"" + status + "\",\"statusCategory\":{\"key\":\"" + category + "\"}}}}}";
    }

    @Test
    void oneIssuePerSubjectWithEvidenceThroughThrottlingAndAnOutage() throws Exception {
        String t = "act-jira";
        String base = "/jira-a";
        String connection = jira(t, base);
        routeOwner(t, "team-jira", "jira", "fin");
        String path = base + "/rest/api/3/issue";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("jira").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("down"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("jira").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).inScenario("jira").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"10001\",\"key\":\"FIN-12\",\"self\":\"https://example.atlassian.net/rest/api/3/issue/10001\"}")));

        String id = violation(t, "team-jira");
        String d = string(su, "SELECT d.id FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id WHERE e.subject_id = ?", id);
        assertEquals("jira", string(su, "SELECT channel FROM outlay.action_delivery WHERE id = ?::uuid", d));
        worker.runTenant(t);
        long wait = Long.parseLong(string(su, "SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM outlay.action_delivery WHERE id = ?::uuid", d));
        assertTrue(wait >= 4 && wait <= 7, "Retry-After honoured: " + wait);
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("pending", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?::uuid", d));
        makeDue(su, t);
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?::uuid", d));
        assertEquals("FIN-12", string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?::uuid", d));
        assertEquals("retry,retry,delivered", string(su, "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?::uuid", d));

        List<LoggedRequest> sent = WebhookReceiver.received(path);
        assertEquals(3, sent.size());
        LoggedRequest r = sent.get(2);
        assertEquals("Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8)), r.getHeader("Authorization"));
        assertEquals("application/json", r.getHeader("Content-Type"));
        assertEquals(sent.get(0).getBodyAsString(), r.getBodyAsString(), "every attempt sends the same issue");
        JsonNode fields = json.readTree(r.getBodyAsString()).path("fields");
        assertEquals("FIN", fields.path("project").path("key").asText());
        assertEquals("Bug", fields.path("issuetype").path("name").asText());
        assertEquals("[\"outlay\",\"outlay-policy-violation\"]", fields.path("labels").toString());
        assertEquals(ACCOUNT, fields.path("assignee").path("accountId").asText());
        assertTrue(fields.path("summary").asText().startsWith("Policy violation: "), fields.path("summary").asText());
        JsonNode doc = fields.path("description");
        assertEquals("doc", doc.path("type").asText());
        assertEquals(1, doc.path("version").asInt());
        String adf = doc.toString();
        assertTrue(adf.contains("{\"type\":\"text\",\"text\":\"Subject: \",\"marks\":[{\"type\":\"strong\"}]},{\"type\":\"text\",\"text\":\"policy_violation " + id + "\"}"), adf);
        assertTrue(adf.contains("{\"type\":\"text\",\"text\":\"7000 EUR\"}") || adf.contains("7000 USD"), adf);
        JsonNode code = doc.path("content").get(doc.path("content").size() - 1);
        assertEquals("codeBlock", code.path("type").asText());
        assertTrue(code.path("content").get(0).path("text").asText().contains("\"ruleId\""), code.toString());

        // A second event about the same violation finds the kept link: no second issue.
        ActionEvent again = new ActionEvent(EventKind.POLICY_VIOLATION, "policy_violation", id, "high", "team-jira", "prod",
                new BigDecimal("7000"), "EUR", Map.of("summary", "still over"));
        UUID second = TenantContext.runAs(TenantContext.system(t), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(again)))
                .deliveryId().orElseThrow();
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", second));
        assertEquals("FIN-12", string(su, "SELECT external_ref FROM outlay.action_delivery WHERE id = ?", second));
        assertEquals(3, WebhookReceiver.received(path).size(), "no duplicate issue");
        assertEquals(1, count(su, "SELECT count(*) FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, id));

        // Jira's webhook: unsigned or wrongly signed changes nothing.
        String done = issueUpdated("FIN-12", "Done", "done");
        given().contentType(ContentType.JSON).body(done).post("/hooks/jira/" + t + "/" + connection).then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Hub-Signature", "sha256=" + HmacHex.sha256("another-secret-0123456789", done))
                .body(done).post("/hooks/jira/" + t + "/" + connection).then().statusCode(401);
        // A tenant that exists, with the right signature but another tenant's connection: the connection is not found there.
        given().header("Authorization", admin("act-jira-b")).get("/api/v1/integrations").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Hub-Signature", signed(done)).body(done)
                .post("/hooks/jira/act-jira-b/" + connection).then().statusCode(401);
        assertEquals(null, string(su, "SELECT external_status FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, id));

        // Signed: Done acknowledges the violation through the inbox, awaiting a person's verification.
        given().contentType(ContentType.JSON).header("X-Hub-Signature", signed(done)).header("X-Atlassian-Webhook-Identifier", "wh-1").body(done)
                .post("/hooks/jira/" + t + "/" + connection).then().statusCode(200)
                .body("outcome", equalTo("moved")).body("externalKey", equalTo("FIN-12")).body("detail", equalTo("acknowledged; awaiting verification"));
        given().contentType(ContentType.JSON).header("X-Hub-Signature", signed(done)).header("X-Atlassian-Webhook-Identifier", "wh-1").body(done)
                .post("/hooks/jira/" + t + "/" + connection).then().statusCode(200).body("outcome", equalTo("duplicate"));
        assertEquals("Done", string(su, "SELECT external_status FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, id));

        Map<String, Object> verify = given().header("Authorization", bearer(t, "fo2", "finops_admin")).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream().filter(x -> id.equals(x.get("subjectId"))).findFirst().orElse(null);
        assertNotNull(verify, "finops verifies what Jira reported done");
        assertEquals("VerifyViolation", verify.get("taskName"));
        given().header("Authorization", bearer(t, "fo2", "finops_admin")).contentType(ContentType.JSON).body(Map.of("decision", "verified"))
                .post("/api/v1/inbox/" + verify.get("taskId") + "/complete").then().statusCode(200);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/violations/" + id).then().statusCode(200)
                .body("status", equalTo("closed")).body("acknowledgedBy", equalTo("jira:FIN-12"))
                .body("action", org.hamcrest.Matchers.startsWith("Jira FIN-12 Done"));

        // An issue Outlay did not open moves nothing.
        String foreign = issueUpdated("FIN-99", "Done", "done");
        given().contentType(ContentType.JSON).header("X-Hub-Signature", signed(foreign)).body(foreign)
                .post("/hooks/jira/" + t + "/" + connection).then().statusCode(200).body("outcome", equalTo("ignored"));
        // Row-level security: the link is the first tenant's; the second sees none of it.
        assertEquals(1, TenantContext.runAs(TenantContext.system(t), () -> links.ofSubject("policy_violation", id)).size());
        assertEquals(0, TenantContext.runAs(TenantContext.system("act-jira-b"), () -> links.ofSubject("policy_violation", id)).size());
    }

    @Test
    void refusedCredentialsHoldTheDeliveryAndMarkTheConnectionUnhealthy() throws Exception {
        String t = "act-jira-auth";
        String base = "/jira-auth";
        String connection = jira(t, base);
        routeOwner(t, "team-jira", "jira", "fin");
        WebhookReceiver.server().stubFor(post(urlEqualTo(base + "/rest/api/3/issue"))
                .willReturn(aResponse().withStatus(401).withBody("{\"errorMessages\":[\"Client must be authenticated\"]}")));
        String id = violation(t, "team-jira");
        worker.runTenant(t);
        String d = string(su, "SELECT d.id FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id WHERE e.subject_id = ?", id);
        assertEquals("held", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?::uuid", d));
        assertEquals(0, count(su, "SELECT count(*) FROM outlay.external_link WHERE tenant_id = ?", t));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then().statusCode(200)
                .body("find { it.id == '" + connection + "' }.healthy", equalTo(false));

        // The test send reads the project (no issue is created); once Jira accepts it, the held delivery goes out.
        WebhookReceiver.server().stubFor(get(urlEqualTo(base + "/rest/api/3/project/FIN")).willReturn(okJson("{\"key\":\"FIN\"}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(base + "/rest/api/3/issue")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"2\",\"key\":\"FIN-2\"}")));
        given().header("Authorization", admin(t)).post("/api/v1/integrations/" + connection + "/test").then().statusCode(200).body("ok", equalTo(true));
        assertEquals(1, WebhookReceiver.server().findAll(getRequestedFor(urlEqualTo(base + "/rest/api/3/project/FIN"))).size());
        worker.runTenant(t);
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?::uuid", d));
        assertEquals("held,delivered", string(su, "SELECT string_agg(outcome, ',' ORDER BY id) FROM outlay.action_attempt WHERE delivery_id = ?::uuid", d));
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then()
                .body("find { it.id == '" + connection + "' }.healthy", equalTo(true))
                .body("find { it.id == '" + connection + "' }.healthDetail", nullValue());
    }
}
