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
import dev.outlay.anomalies.api.DetectionJob;
import dev.outlay.demo.DemoInventorySeeder;
import dev.outlay.demo.DemoLedgerSeeder;
import dev.outlay.demo.DemoWaste;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.outlay.actions.ActionsTestSupport.Row;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.gpuRequest;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.crashAfterFirstSend;
import static dev.outlay.actions.ActionsTestSupport.expireLeases;
import static dev.outlay.actions.ActionsTestSupport.route;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.SlackInteractionTest.form;
import static dev.outlay.actions.SlackInteractionTest.press;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's "done means", on a tenant seeded the way the demo is (the generated multi-provider ledger and the
 * planted waste, through ingestion, allocation, the daily detection and a findings scan): connections made through
 * the API, the tenant's routing rule set sends anomaly alerts to Slack, team search's findings to Jira and team
 * data's to a GitHub remediation; each arrives exactly once although the worker runs twice and dies mid-delivery;
 * Jira's Done, read by the status poll, actions the finding; an approval is decided from a signed Slack press with
 * four-eyes; the dispatch's run link is the finding's evidence; the delivery log shows every attempt.
 */
@QuarkusTest
class DemoActionsEndToEndTest {

    static final String T = "act-demo-e2e";
    static final LocalDate END = LocalDate.of(2024, 12, 31);
    static final String SLACK = "/e2e/slack/api";
    static final String JIRA = "/e2e/jira";
    static final String GITHUB = "/e2e/github";
    static final String BOT = "xoxb-e2e-finops-0123";
    static final String SIGNING = "slack-signing-e2e-0123456789";
    static final String JIRA_AUTH = "finops-bot@example.com:ATATT-e2e-0123";

    @Inject
    TenantRegistry tenants;

    @Inject
    DemoLedgerSeeder ledger;

    @Inject
    DemoInventorySeeder waste;

    @Inject
    DetectionJob detection;

    @Inject
    DeliveryWorker worker;

    @Inject
    JiraPoller jiraPoll;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    @Test
    void anomalyFindingApprovalAndDispatchReachTheirChannelsExactlyOnce() throws Exception {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> {
            ledger.seedNow(END, 90, DemoLedgerSeeder.AWS_RESOURCES, DemoLedgerSeeder.AZURE_RESOURCES);
            return waste.seedNow(END, 90);
        });
        for (String period : List.of("2024-10", "2024-11", "2024-12")) {
            given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("billingPeriod", period))
                    .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        }

        // Connections through the API: one Slack app (alerts and approvals), a Jira project without a webhook
        // (its status is polled), a GitHub repository for remediation.
        given().header("Authorization", bearer(T, "alice", "approver")).get("/api/v1/inbox").then().statusCode(200);
        String slack = given().header("Authorization", admin(T)).contentType(ContentType.JSON)
                .body(Map.of("name", "finops", "kind", "slack", "url", WebhookReceiver.url(SLACK), "secret", BOT, "channel", "C0FINOPS",
                        "inboundSecret", SIGNING, "users", Map.of("U0ALICE", "alice", "U0PAT", "pl")))
                .post("/api/v1/integrations").then().statusCode(201).body("secret", equalTo("***")).extract().path("id");
        given().header("Authorization", admin(T)).contentType(ContentType.JSON)
                .body(Map.of("name", "board", "kind", "jira", "url", WebhookReceiver.url(JIRA), "secret", JIRA_AUTH, "channel", "FIN", "issueType", "Task"))
                .post("/api/v1/integrations").then().statusCode(201).body("inboundSecret", equalTo(false));
        given().header("Authorization", admin(T)).contentType(ContentType.JSON)
                .body(Map.of("name", "remediate", "kind", "github", "url", WebhookReceiver.url(GITHUB), "secret", "github_pat_e2e_0123456789",
                        "channel", "acme/infra"))
                .post("/api/v1/integrations").then().statusCode(201);
        // The tenant's routing: anomaly alerts (they carry no environment) to Slack, findings of team search to Jira
        // and of team data to GitHub, approval tasks of team search to Slack; the rest as bundled.
        route(T, new Row("\"anomaly_alert\"", "-", "-", "null", "-", "slack", "finops"),
                new Row("\"finding\"", "-", "\"search\"", "-", "-", "jira", "board"),
                new Row("\"finding\"", "-", "\"data\"", "-", "-", "github", "remediate"),
                new Row("\"approval_task\"", "-", "\"search\"", "-", "-", "slack", "finops"));

        WebhookReceiver.server().stubFor(post(urlEqualTo(SLACK + "/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0FINOPS\",\"ts\":\"1733150000.000100\"}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(SLACK + "/chat.update")).willReturn(okJson("{\"ok\":true}")));
        ActionsTestSupport.issueKeys(JIRA + "/rest/api/3/issue", 20);
        WebhookReceiver.server().stubFor(post(urlEqualTo(GITHUB + "/repos/acme/infra/dispatches")).willReturn(aResponse().withStatus(204)));

        // 1. The daily detection: its triaged alerts are events routed to Slack. The worker dies right after Slack's
        // answer to its first post, every claimed delivery still leased; the restarted worker finds that message in the
        // channel's history instead of posting it again, and posts the others.
        detection.detect(T);
        List<Map<String, Object>> alerts = deliveries("slack").stream().filter(d -> "anomaly_alert".equals(d.get("eventKind"))).toList();
        assertFalse(alerts.isEmpty(), "the demo ledger's spike is alerted: " + deliveries(null));
        crashAfterFirstSend(worker, T);
        List<LoggedRequest> posts = WebhookReceiver.received(SLACK + "/chat.postMessage");
        assertEquals(1, posts.size());
        WebhookReceiver.server().stubFor(get(urlPathEqualTo(SLACK + "/conversations.history")).willReturn(okJson("{\"ok\":true,\"messages\":[{\"type\":\"message\","
                + "\"ts\":\"1733150000.000100\",\"blocks\":" + json.readTree(posts.get(0).getBodyAsString()).path("blocks") + "}],\"has_more\":false}")));
        assertEquals(0, worker.runTenant(T), "the dead worker's leases still hold");
        expireLeases(su, T);
        assertEquals(alerts.size(), worker.runTenant(T));
        assertEquals(0, worker.runTenant(T), "a further run finds nothing due");
        posts = WebhookReceiver.received(SLACK + "/chat.postMessage");
        assertEquals(alerts.size(), posts.size());
        for (Map<String, Object> a : alerts) {
            assertEquals(1, posts.stream().filter(p -> p.getBodyAsString().contains("anomaly " + a.get("subjectId"))).count(), "once: " + a);
        }
        List<LoggedRequest> looked = WebhookReceiver.server().findAll(getRequestedFor(urlPathEqualTo(SLACK + "/conversations.history")));
        assertEquals(alerts.size(), looked.size(), "every resend looks first");
        assertEquals("C0FINOPS", looked.get(0).queryParameter("channel").firstValue());
        assertEquals("Bearer " + BOT, looked.get(0).getHeader("Authorization"));
        assertEquals(alerts.size(), count(su, "SELECT count(*) FROM outlay.action_delivery WHERE tenant_id = ? AND channel = 'slack' "
                + "AND status = 'delivered' AND external_ref = 'C0FINOPS:1733150000.000100'", T), "the found message is the delivery's, for chat.update");
        LoggedRequest post = posts.get(0);
        assertEquals("Bearer " + BOT, post.getHeader("Authorization"));
        JsonNode message = json.readTree(post.getBodyAsString());
        assertEquals("C0FINOPS", message.path("channel").asText());
        assertEquals("Cost anomaly", message.path("blocks").get(0).path("text").path("text").asText());
        assertTrue(message.path("text").asText().startsWith("Cost anomaly: Cost anomaly on "), message.toString());

        // 2. The findings scan: search's findings to Jira, data's to GitHub. The worker dies after its first send with
        // every claimed delivery still leased; the restarted worker sends the rest and creates nothing twice.
        given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + END + "&wait=true").then().statusCode(201).body("status", equalTo("succeeded"));
        List<Map<String, Object>> findings = given().header("Authorization", finops()).get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Set<String> searchFindings = ids(findings, "search");
        Set<String> dataFindings = ids(findings, "data");
        assertFalse(searchFindings.isEmpty() || dataFindings.isEmpty(), "planted waste of both teams: " + findings);
        assertEquals(searchFindings.size(), deliveries("jira").size());
        assertEquals(dataFindings.size(), deliveries("github").size());
        crashAfterFirstSend(worker, T);
        int sentBeforeCrash = WebhookReceiver.received(JIRA + "/rest/api/3/issue").size() + WebhookReceiver.received(GITHUB + "/repos/acme/infra/dispatches").size();
        assertEquals(1, sentBeforeCrash);
        assertEquals(0, worker.runTenant(T), "the dead worker's leases still hold");
        expireLeases(su, T);
        worker.runTenant(T);
        assertEquals(0, worker.runTenant(T));
        List<LoggedRequest> issues = WebhookReceiver.received(JIRA + "/rest/api/3/issue");
        assertEquals(searchFindings.size(), issues.size(), "one issue per finding, the crashed one included");
        assertEquals("Basic " + Base64.getEncoder().encodeToString(JIRA_AUTH.getBytes(StandardCharsets.UTF_8)), issues.get(0).getHeader("Authorization"));
        JsonNode fields = json.readTree(issues.get(0).getBodyAsString()).path("fields");
        assertEquals("FIN", fields.path("project").path("key").asText());
        assertEquals("[\"outlay\",\"outlay-finding\"]", fields.path("labels").toString());
        assertEquals(searchFindings.size(), count(su, "SELECT count(*) FROM outlay.external_link l JOIN outlay.integration i ON i.id = l.integration_id "
                + "WHERE l.tenant_id = ? AND i.kind = 'jira'", T));
        List<LoggedRequest> dispatches = WebhookReceiver.received(GITHUB + "/repos/acme/infra/dispatches");
        assertEquals(dataFindings.size(), dispatches.size(), "one remediation per finding");
        for (String f : dataFindings) {
            assertEquals(1, dispatches.stream().filter(d -> d.getBodyAsString().contains("\"subjectId\":\"" + f + "\"")).count(), f);
            // The dispatch's run link is the finding's evidence.
            given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/deliveries/links?subjectType=finding&subjectId=" + f).then()
                    .statusCode(200).body("size()", equalTo(1))
                    .body("[0].url", equalTo(WebhookReceiver.url(GITHUB) + "/acme/infra/actions?query=event%3Arepository_dispatch"));
        }
        JsonNode dispatch = json.readTree(dispatches.get(0).getBodyAsString());
        assertEquals("outlay.finding", dispatch.path("event_type").asText());
        assertEquals("https://outlay.example/console/finding/" + dispatch.path("client_payload").path("subjectId").asText(),
                dispatch.path("client_payload").path("evidenceUrl").asText());

        // 3. Jira's Done for the unattached volume's issue, read by the status poll, actions the finding.
        String volume = findings.stream().filter(f -> DemoWaste.UNATTACHED_GP2.equals(f.get("resourceId"))).map(f -> (String) f.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("the unattached volume is a finding: " + findings));
        String key = string(su, "SELECT external_key FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", T, volume);
        assertNotNull(key);
        WebhookReceiver.server().stubFor(post(urlEqualTo(JIRA + "/rest/api/3/search/jql"))
                .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(JIRA + "/rest/api/3/search/jql")).withRequestBody(containing(key + ","))
                .willReturn(okJson("{\"issues\":[{\"key\":\"" + key + "\",\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}}}}],\"isLast\":true}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(JIRA + "/rest/api/3/search/jql")).withRequestBody(containing(key + ")"))
                .willReturn(okJson("{\"issues\":[{\"key\":\"" + key + "\",\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}}}}],\"isLast\":true}")));
        assertEquals(1, jiraPoll.pollTenant(T).get(0).moved());
        given().header("Authorization", finops()).get("/api/v1/findings/" + volume).then().statusCode(200)
                .body("finding.status", equalTo("actioned"));
        assertEquals(0, jiraPoll.pollTenant(T).get(0).moved(), "a second poll changes nothing");

        // 4. An approval task of team search reaches Slack with buttons; the requester's own press is refused, another
        // approver's decides it through the inbox.
        int before = WebhookReceiver.received(SLACK + "/chat.postMessage").size();
        String request = gpuRequest(T, "search", 900, "platform", "approver");
        assertEquals(1, worker.runTenant(T));
        assertEquals(0, worker.runTenant(T));
        List<LoggedRequest> all = WebhookReceiver.received(SLACK + "/chat.postMessage");
        assertEquals(before + 1, all.size());
        String approvalPost = all.get(all.size() - 1).getBodyAsString();
        assertTrue(approvalPost.contains("\"action_id\":\"outlay_approve\"") && approvalPost.contains("\"value\":\"" + request + "\""), approvalPost);
        String hook = "/hooks/slack/" + T + "/" + slack;
        long now = Instant.now().getEpochSecond();
        String self = form("U0PAT", "outlay_approve", request);
        press(hook, self, now, SlackSignature.sign(SIGNING, now, self)).statusCode(200).body("outcome", equalTo("refused"));
        String stale = form("U0ALICE", "outlay_approve", request);
        press(hook, stale, now - 400, SlackSignature.sign(SIGNING, now - 400, stale)).statusCode(401);
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/spend-requests/" + request).then().body("status", equalTo("pending_approval"));
        String approve = form("U0ALICE", "outlay_approve", request);
        press(hook, approve, now, SlackSignature.sign(SIGNING, now, approve)).statusCode(200).body("outcome", equalTo("decided"))
                .body("detail", equalTo("by alice"));
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/spend-requests/" + request).then()
                .body("status", equalTo("approved")).body("decidedBy", equalTo("alice"));
        // The approval message itself is edited once: the outcome instead of the buttons.
        List<LoggedRequest> edits = WebhookReceiver.received(SLACK + "/chat.update");
        assertEquals(1, edits.size());
        assertTrue(edits.get(0).getBodyAsString().contains("*Approved by alice*") && !edits.get(0).getBodyAsString().contains("outlay_approve"),
                edits.get(0).getBodyAsString());

        // 5. The delivery log: every delivery that went out, with each of its attempts; the restarted ones show the lease that ran out.
        List<Map<String, Object>> log = deliveries(null);
        Set<String> channels = new HashSet<>();
        for (Map<String, Object> d : log) {
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) d.get("attemptLog");
            assertEquals(((Number) d.get("attempts")).intValue(), attempts.size(), "every attempt is logged: " + d);
            if (!"delivered".equals(d.get("status"))) continue;
            channels.add((String) d.get("channel"));
            assertEquals("delivered", attempts.get(attempts.size() - 1).get("outcome"), d.toString());
        }
        assertEquals(Set.of("slack", "jira", "github"), channels);
        for (Map<String, Object> d : log) {
            if (!List.of("jira", "github").contains(d.get("channel")) && !("slack".equals(d.get("channel")) && "anomaly_alert".equals(d.get("eventKind")))) continue;
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) d.get("attemptLog");
            assertEquals(List.of("lease_expired", "delivered"), attempts.stream().map(a -> a.get("outcome")).toList(), d.toString());
        }
        assertEquals(0, count(su, "SELECT count(*) FROM outlay.action_delivery WHERE tenant_id = ? AND channel IN ('slack', 'jira', 'github') "
                + "AND status <> 'delivered'", T));
        given().header("Authorization", bearer("act-demo-e2e-b", "aud", "auditor")).get("/api/v1/deliveries").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    static Set<String> ids(List<Map<String, Object>> findings, String owner) {
        Set<String> out = new HashSet<>();
        findings.stream().filter(f -> owner.equals(f.get("owner"))).forEach(f -> out.add((String) f.get("id")));
        return out;
    }

    static List<Map<String, Object>> deliveries(String channel) {
        return given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/deliveries" + (channel == null ? "" : "?channel=" + channel))
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
