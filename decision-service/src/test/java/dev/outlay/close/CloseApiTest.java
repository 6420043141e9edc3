/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The close API end to end: refusals, a concurrent close that joins, the inbox review, package download, roles, tenancy. */
@QuarkusTest
class CloseApiTest {

    static final String T = "close-api";
    static final String PATH = "/api/v1/close/periods/" + CloseFixtures.PERIOD;

    static String as(String subject, String... roles) {
        return bearer(T, subject, roles);
    }

    static Response preliminary(String auth) {
        return given().header("Authorization", auth).post(PATH + "/preliminary");
    }

    static List<Map<String, Object>> inbox(String subject) {
        return given().header("Authorization", as(subject, "finance")).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static Map<String, Object> closeTask(String subject) {
        return inbox(subject).stream().filter(t -> "ReviewClose".equals(t.get("taskName"))).findFirst().orElse(null);
    }

    @Test
    void refusalsNameWhatIsMissing() throws Exception {
        String t = "close-api-refused";
        CloseFixtures.load(t, "loader", "focus", "october.csv", CloseFixtures.october());
        String broken = CloseFixtures.upload(t, "loader", "focus-2", "broken.csv", "not,a,focus,file\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("failed", CloseFixtures.awaitIngestion(t, broken));
        String body = given().header("Authorization", bearer(t, "fin", "finance")).post(PATH + "/preliminary").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("allocationRun"))
                .body("errors.field", hasItem("ingestion:" + broken))
                .extract().asString();
        assertTrue(body.contains("/api/v1/allocations/runs"), body);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/close/periods").then().statusCode(200)
                .body("[0].period", equalTo(CloseFixtures.PERIOD)).body("[0].state", equalTo("OPEN"));
        given().header("Authorization", bearer(t, "fin", "finance")).post("/api/v1/close/periods/2024-13/preliminary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().header("Authorization", bearer(t, "fin", "finance")).get("/api/v1/close/periods/2031-01").then().statusCode(404);
    }

    @Test
    void closeThroughTheInbox() throws Exception {
        CloseFixtures.load(T, "loader", "focus", "october.csv", CloseFixtures.october());
        CloseFixtures.allocate(T);

        preliminary(as("pat", "platform")).then().statusCode(403);
        preliminary(as("aud", "auditor")).then().statusCode(403);
        preliminary(as("lee", "leadership")).then().statusCode(403);

        // Two at once: one starts the close, the other waits on the period's lock and joins it.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> calls = new ArrayList<>();
        Callable<Response> call = () -> preliminary(as("fiona", "finance"));
        calls.add(pool.submit(call));
        calls.add(pool.submit(call));
        List<Integer> statuses = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        for (Future<Response> f : calls) {
            Response r = f.get();
            statuses.add(r.statusCode());
            pids.add(r.jsonPath().getString("processInstanceId"));
        }
        pool.shutdown();
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(200, 202), statuses, "one close, one join");
        assertEquals(pids.get(0), pids.get(1));

        var period = given().header("Authorization", as("lee", "leadership")).get(PATH).then().statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("packages[0].version", equalTo(1))
                .body("packages[0].status", equalTo("in_review"))
                .body("tasks[0].taskName", equalTo("ReviewClose")).body("tasks[0].excludedUsers", hasItem("fiona"))
                .body("history.kind", hasItem("close.preliminary")).body("history.kind", hasItem("close.reconciliation"))
                .body("history.kind", hasItem("close.joined"))
                .extract().jsonPath();
        String hash = period.getString("packages[0].packageHash");

        Response zip = given().header("Authorization", as("aud", "auditor")).get(PATH + "/packages/1");
        zip.then().statusCode(200).contentType("application/zip").header("X-Outlay-Package-Hash", equalTo(hash));
        byte[] bytes = zip.asByteArray();
        assertEquals("\"" + PackageBuilder.sha256(bytes) + "\"", zip.header("ETag"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            assertEquals("manifest.json", in.getNextEntry().getName());
            assertEquals(hash, PackageBuilder.sha256(in.readAllBytes()), "the package hash is the manifest's SHA-256");
        }
        byte[] again = given().header("Authorization", as("aud", "auditor")).get(PATH + "/packages/1").asByteArray();
        assertTrue(java.util.Arrays.equals(bytes, again));
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/packages/1/verify").then().statusCode(200)
                .body("identical", equalTo(true)).body("regeneratedPackageHash", equalTo(hash));
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/packages/9").then().statusCode(404);
        given().header("Authorization", as("pat", "platform")).get(PATH).then().statusCode(403);
        given().header("Authorization", bearer("close-api-other", "aud", "auditor")).get(PATH).then().statusCode(404);
        given().header("Authorization", bearer("close-api-other", "aud", "auditor")).get(PATH + "/packages/1").then().statusCode(404);

        // The preparer (finance too) neither sees nor decides the task; another finance member does.
        assertNull(closeTask("fiona"), "four-eyes: the preparer's inbox does not list it");
        Map<String, Object> task = closeTask("frank");
        assertNotNull(task, "finance sees the review in the inbox");
        assertEquals("close_close", task.get("kind"));
        assertEquals(CloseFixtures.PERIOD, task.get("subjectId"));
        assertTrue(((String) task.get("policyReason")).contains(hash));
        String taskId = (String) task.get("taskId");
        given().header("Authorization", as("fiona", "finance")).contentType(ContentType.JSON).body(Map.of("decision", "approve"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(403);
        given().header("Authorization", as("frank", "finance")).contentType(ContentType.JSON).body(Map.of("decision", "reject"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(422).body("errors[0].field", equalTo("comment"));
        given().header("Authorization", as("frank", "finance")).contentType(ContentType.JSON).body(Map.of("decision", "close-it"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(422);

        // The review SLA (6 s in tests) passes: leadership is notified, finance keeps the task.
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && !given().header("Authorization", as("aud", "auditor")).get(PATH)
                .jsonPath().getList("history.kind").contains("review.escalated")) {
            Thread.sleep(500);
        }
        given().header("Authorization", as("aud", "auditor")).get(PATH).then().body("history.kind", hasItem("review.escalated"));
        assertEquals(taskId, closeTask("frank").get("taskId"), "the escalation does not take the task away");

        given().header("Authorization", as("frank", "finance")).contentType(ContentType.JSON).body(Map.of("decision", "approve", "comment", "ties out"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(200);
        given().header("Authorization", as("aud", "auditor")).get(PATH).then().statusCode(200)
                .body("state", equalTo("FINAL")).body("finalPackageVersion", equalTo(1))
                .body("packages[0].status", equalTo("final")).body("packages[0].decidedBy", equalTo("frank"))
                .body("history.kind", hasItem("close.final"));
        given().header("Authorization", as("lee", "leadership")).get("/api/v1/close/periods").then().statusCode(200)
                .body("find { it.period == '" + CloseFixtures.PERIOD + "' }.state", equalTo("FINAL"));
        preliminary(as("fiona", "finance")).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("restatement"));
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString("restatement_id,period,status"));
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements?format=xml").then().statusCode(400);
        given().header("Authorization", as("aud", "auditor")).get("/api/v1/audit?action=close.final").then().statusCode(200)
                .body("size()", equalTo(1));

        // A late credit after FINAL (another source): a proposal with its diff, reviewed in the inbox, rejected with a reason.
        CloseFixtures.load(T, "carl", "focus-credits", "late-credit.csv", CloseFixtures.csv(CloseFixtures.row("-5.00", "acct-2", "VM", "vm-b")));
        List<Map<String, Object>> proposals = List.of();
        for (int i = 0; i < 100 && proposals.isEmpty(); i++) {
            proposals = given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements").jsonPath().getList("$");
            if (proposals.isEmpty()) Thread.sleep(200);
        }
        assertEquals(1, proposals.size());
        String rid = (String) proposals.get(0).get("id");
        given().header("Authorization", as("lee", "leadership")).get(PATH + "/restatements/" + rid).then().statusCode(200)
                .body("status", equalTo("proposed")).body("proposedBy", equalTo("carl")).body("baseVersion", equalTo(1))
                .body("candidateVersion", equalTo(2)).body("diff.ledgerTotals.size()", equalTo(1))
                .body("diff.ledgerTotals[0].billingAccountId", equalTo("acct-2"))
                .body("diff.ledgerTotals[0].effectiveDelta", equalTo(-5));
        given().header("Authorization", as("aud", "auditor")).get(PATH).then().body("state", equalTo("FINAL"))
                .body("finalPackageVersion", equalTo(1));
        Map<String, Object> review = closeTask("frank");
        assertEquals("close_restatement", review.get("kind"));
        assertEquals(rid, review.get("subjectId"));
        given().header("Authorization", as("frank", "finance")).contentType(ContentType.JSON)
                .body(Map.of("decision", "reject", "comment", "credit belongs to November"))
                .post("/api/v1/inbox/" + review.get("taskId") + "/complete").then().statusCode(200);
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements/" + rid).then().statusCode(200)
                .body("status", equalTo("rejected")).body("decidedBy", equalTo("frank")).body("reason", equalTo("credit belongs to November"));
        given().header("Authorization", as("aud", "auditor")).get(PATH).then().body("state", equalTo("FINAL"))
                .body("finalPackageVersion", equalTo(1)).body("packages[1].status", equalTo("rejected"));
        String csv = given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(",rejected,") && csv.contains("credit belongs to November")
                && csv.contains("ledger-totals,Acme Cloud/acct-2/VM,EUR,changed,25,20,-5"), csv);
        given().header("Authorization", as("aud", "auditor")).get(PATH + "/restatements/not-a-uuid").then().statusCode(404);
    }
}
