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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.count;
import static dev.outlay.actions.ActionsTestSupport.routeOwner;
import static dev.outlay.actions.ActionsTestSupport.string;
import static dev.outlay.actions.ActionsTestSupport.violation;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Jira connection without a webhook is polled: the linked issues' status read through search/jql in batches
 * (the test profile's batch is 2) with its nextPageToken paging, a 429 waited out per Retry-After, a batch Jira
 * refuses for a deleted key read issue by issue, Done applied as the webhook applies it, and a repeated poll
 * changing nothing.
 */
@QuarkusTest
class JiraPollTest {

    static final String CREDENTIALS = "finops-bot@example.com:ATATT-poll-token-0123";

    @Inject
    DeliveryWorker worker;

    @Inject
    JiraPoller poller;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    static String issue(String key, String status, String category) {
        return "{\"id\":\"1" + key.substring(4) + "\",\"key\":\"" + key + "\",\"fields\":{\"status\":{\"name\":\"" + status
                + "\",\"statusCategory\":{\"key\":\"" + category + "\"}}}}";
    }

    @Test
    void webhooklessConnectionsArePolledInPagedBatchesThroughThrottlingAndDeletedIssues() throws Exception {
        String t = "act-jira-poll";
        String base = "/jira-poll";
        given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "board", "kind", "jira", "url", WebhookReceiver.url(base), "secret", CREDENTIALS, "channel", "FIN", "issueType", "Task"))
                .post("/api/v1/integrations").then().statusCode(201).body("inboundSecret", equalTo(false));
        routeOwner(t, "team-poll", "jira", "board");
        ActionsTestSupport.issueKeys(base + "/rest/api/3/issue", 4);
        List<String> violations = List.of(violation(t, "team-poll"), violation(t, "team-poll"), violation(t, "team-poll"), violation(t, "team-poll"));
        assertEquals(4, worker.runTenant(t));
        for (int i = 0; i < 4; i++) {
            assertEquals("FIN-" + (i + 1), string(su, "SELECT external_key FROM outlay.external_link WHERE tenant_id = ? AND subject_id = ?", t, violations.get(i)));
        }

        String search = base + "/rest/api/3/search/jql";
        // Batch one (FIN-1, FIN-2): throttled first, then two pages.
        WebhookReceiver.server().stubFor(post(urlEqualTo(search)).withRequestBody(containing("key in (FIN-1,FIN-2)"))
                .withRequestBody(notContaining("nextPageToken")).inScenario("poll-search").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        WebhookReceiver.server().stubFor(post(urlEqualTo(search)).withRequestBody(containing("key in (FIN-1,FIN-2)"))
                .withRequestBody(notContaining("nextPageToken")).inScenario("poll-search").whenScenarioStateIs("open")
                .willReturn(okJson("{\"issues\":[" + issue("FIN-1", "In Progress", "indeterminate") + "],\"nextPageToken\":\"page-2\",\"isLast\":false}")));
        WebhookReceiver.server().stubFor(post(urlEqualTo(search)).withRequestBody(containing("\"nextPageToken\":\"page-2\""))
                .willReturn(okJson("{\"issues\":[" + issue("FIN-2", "Done", "done") + "],\"isLast\":true}")));
        // Batch two (FIN-3, FIN-4): FIN-3 was deleted in Jira, which refuses the whole JQL; each issue is then read alone.
        WebhookReceiver.server().stubFor(post(urlEqualTo(search)).withRequestBody(containing("key in (FIN-3,FIN-4)"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"An issue with key 'FIN-3' does not exist for field 'key'.\"]}")));
        WebhookReceiver.server().stubFor(get(urlPathEqualTo(base + "/rest/api/3/issue/FIN-3")).willReturn(aResponse().withStatus(404)));
        WebhookReceiver.server().stubFor(get(urlPathEqualTo(base + "/rest/api/3/issue/FIN-4")).willReturn(okJson(issue("FIN-4", "Done", "done"))));

        List<JiraPoller.Polled> first = poller.pollTenant(t);
        assertEquals(1, first.size());
        assertEquals(0, first.get(0).moved());
        assertTrue(first.get(0).stopped().startsWith("throttled until"), first.toString());
        assertTrue(poller.pollTenant(t).get(0).stopped().startsWith("throttled until"), "still inside Retry-After");
        assertEquals(1, WebhookReceiver.received(search).size(), "nothing asked while throttled");
        assertNull(string(su, "SELECT external_status FROM outlay.external_link WHERE tenant_id = ? AND external_key = 'FIN-1'", t));

        Thread.sleep(1200);
        JiraPoller.Polled polled = poller.pollTenant(t).get(0);
        assertEquals(new JiraPoller.Polled(4, 3, null), polled);
        List<LoggedRequest> asked = WebhookReceiver.received(search);
        assertEquals(4, asked.size(), "429, two pages, the refused batch");
        JsonNode page = json.readTree(asked.get(1).getBodyAsString());
        assertEquals("key in (FIN-1,FIN-2) ORDER BY key", page.path("jql").asText());
        assertEquals("[\"status\"]", page.path("fields").toString());
        assertEquals(2, page.path("maxResults").asInt());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8)), asked.get(1).getHeader("Authorization"));
        assertEquals("page-2", json.readTree(asked.get(2).getBodyAsString()).path("nextPageToken").asText());
        assertEquals(1, WebhookReceiver.server().findAll(getRequestedFor(urlPathEqualTo(base + "/rest/api/3/issue/FIN-4"))).size());

        assertEquals("In Progress", string(su, "SELECT external_status FROM outlay.external_link WHERE tenant_id = ? AND external_key = 'FIN-1'", t));
        assertEquals("done", string(su, "SELECT external_status_category FROM outlay.external_link WHERE tenant_id = ? AND external_key = 'FIN-2'", t));
        assertNull(string(su, "SELECT external_status FROM outlay.external_link WHERE tenant_id = ? AND external_key = 'FIN-3'", t),
                "a deleted issue leaves its subject as it was");
        // Done in Jira acknowledged violations 2 and 4 as the webhook would: finops verifies them in the inbox.
        assertEquals(List.of(violations.get(1), violations.get(3)), verifications(t, violations));
        long audited = count(su, "SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = ? AND action = 'external_link.status'", t);
        assertEquals(3, audited);

        // Polling again asks only about the issues not yet done, and an unchanged status changes nothing.
        WebhookReceiver.server().stubFor(post(urlEqualTo(search)).withRequestBody(containing("key in (FIN-1,FIN-3)"))
                .willReturn(okJson("{\"issues\":[" + issue("FIN-1", "In Progress", "indeterminate") + "],\"isLast\":true}")));
        assertEquals(new JiraPoller.Polled(2, 0, null), poller.pollTenant(t).get(0));
        assertEquals(5, WebhookReceiver.received(search).size());
        assertEquals(audited, count(su, "SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = ? AND action = 'external_link.status'", t));
        assertEquals(List.of(violations.get(1), violations.get(3)), verifications(t, violations));

        // Another tenant's poll sees none of these links.
        given().header("Authorization", admin("act-jira-poll-b")).get("/api/v1/integrations").then().statusCode(200);
        assertEquals(List.of(), poller.pollTenant("act-jira-poll-b"));
    }

    /** The violations (of {@code ids}, in that order) waiting for finops' verification. */
    static List<String> verifications(String t, List<String> ids) {
        List<Map<String, Object>> inbox = given().header("Authorization", bearer(t, "fo2", "finops_admin")).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return ids.stream().filter(id -> inbox.stream().anyMatch(x -> id.equals(x.get("subjectId")) && "VerifyViolation".equals(x.get("taskName")))).toList();
    }
}
