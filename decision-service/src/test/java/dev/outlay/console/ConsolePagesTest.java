/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console page for every role: status, the numbers the API gives, the tenant from the session (a foreign
 * tenant's task ids are 404 and change nothing), and forms refused without the session's CSRF token.
 */
@QuarkusTest
class ConsolePagesTest {

    static final String T = "console-co";
    static final String OTHER = "console-other";
    static final String[] PERSONAS = {"engineering", "finance", "platform", "leadership"};

    /** Two rows billed today (UTC), in EUR and USD, so the home page's month-to-date KPI has one number per currency. */
    static String todaysCosts() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String head = "BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,"
                + "ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,EffectiveCost,ListCost,ProviderName,"
                + "PublisherName,InvoiceIssuerName,RegionId,ServiceCategory,ServiceName,SubAccountId,ResourceId,Tags\n";
        String period = today.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z," + today.withDayOfMonth(1) + "T00:00:00Z";
        String charge = today.plusDays(1) + "T00:00:00Z," + today + "T00:00:00Z";
        return head
                + "12.345,acct-1,Acme,EUR," + period + ",Usage,VM hours,Usage-Based," + charge + ",12.345,12.345,Acme Cloud,Acme Cloud,Acme Cloud,eu-central,Compute,VM,shop,vm-1,\"{\"\"team\"\":\"\"payments\"\"}\"\n"
                + "7.5,acct-2,Acme,USD," + period + ",Usage,VM hours,Usage-Based," + charge + ",7.5,7.5,Acme Cloud,Acme Cloud,Acme Cloud,us-east,Compute,VM,shop,vm-2,\n";
    }

    static void ingest(String tenant, String csv) throws InterruptedException {
        String auth = bearer(tenant, tenant + "-fo", "finops_admin");
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", "today.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status;
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        assertEquals("succeeded", status, "ingestion of the console fixture");
    }

    @Test
    void everyPersonaHomeShowsTheApisMonthToDateTotalsPerCurrency() throws Exception {
        ingest(T, todaysCosts());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath api = JsonPath.from(given().header("Authorization", bearer(T, "fin", "finance"))
                        .queryParam("from", today.withDayOfMonth(1).toString()).queryParam("to", today.plusDays(1).toString())
                        .get("/api/v1/costs").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> totals = api.getList("totals");
        assertEquals(2, totals.size(), "EUR and USD stay apart");
        for (String persona : PERSONAS) {
            ConsoleBrowser b = ConsoleBrowser.signIn(T, persona);
            String html = b.as().get("/console").then().statusCode(200).extract().asString();
            assertTrue(html.contains("(" + persona + " view)"), persona + " gets its own view");
            for (Map<String, Object> t : totals) {
                String currency = (String) t.get("currency");
                BigDecimal amount = new BigDecimal(t.get("amount").toString());
                String shown = amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
                assertTrue(html.contains("data-kpi=\"mtd-" + currency + "\">" + shown + " " + currency), persona + ": " + shown + " " + currency + " in\n" + html);
            }
            assertTrue(html.contains("<caption>Daily cost in EUR</caption>"), "the chart has its table");
        }
        // Another tenant's session sees none of it.
        ConsoleBrowser other = ConsoleBrowser.signIn(OTHER, "finance");
        other.as().get("/console").then().statusCode(200).body(containsString("no costs loaded")).body(not(containsString("12.35")));
    }

    @Test
    void thePlatformHomeListsTheSources() throws Exception {
        ConsoleBrowser b = ConsoleBrowser.signIn(T, "platform");
        b.as().get("/console").then().statusCode(200).body(containsString("Cost by source, this month"));
    }

    @Test
    void everyRoleGetsTheInboxOrAClearRefusal() {
        for (String role : dev.outlay.demo.DemoUsers.ROLE_ORDER) {
            ConsoleBrowser b = ConsoleBrowser.signIn(T, role);
            int expected = HomeResource.INBOX_ROLES.contains(role) ? 200 : 403;
            b.as().get("/console/approvals").then().statusCode(expected).body(containsString("Approvals inbox"));
            b.as().get("/console").then().statusCode(200);
        }
    }

    @Test
    void anApproverApprovesFromTheInboxWithCsrfAndFourEyesKept() {
        String id = given().header("Authorization", bearer(T, "pat-platform", "platform")).contentType(ContentType.JSON)
                // A new region: the approver row with the longest SLA (72 h = 36 s at the test's SLA unit), so a loaded box
                // finishes the page checks before the boundary timer hands the task on to the next group.
                .body(Map.of("resourceClass", "new-region", "environment", "dev", "amount", new BigDecimal("1200"), "currency", "USD",
                        "owner", "ml-platform", "description", "Expansion into a new region"))
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
        String taskId = given().header("Authorization", bearer(T, "demo-approver", "approver")).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(t -> id.equals(t.get("subjectId"))).findFirst().orElseThrow().get("taskId").toString();

        ConsoleBrowser approver = ConsoleBrowser.signIn(T, "approver");
        approver.as().get("/console/approvals").then().statusCode(200).body(containsString(id))
                .body(containsString("<label for=\"decision-" + taskId + "\">Decision</label>"));

        // No token, a wrong token: refused, the request stays pending.
        approver.as().formParam("decision", "approve").post("/console/approvals/" + taskId + "/complete").then().statusCode(403)
                .body(containsString("CSRF"));
        approver.as().formParam("csrf", "forged").formParam("decision", "approve").post("/console/approvals/" + taskId + "/complete")
                .then().statusCode(403);
        assertEquals("pending_approval", status(id));

        // A foreign tenant's session knowing the id: 404, nothing changes.
        ConsoleBrowser foreign = ConsoleBrowser.signIn(OTHER, "approver");
        foreign.as().formParam("csrf", foreign.csrf).post("/console/approvals/" + taskId + "/claim").then().statusCode(404)
                .body(containsString("No task " + taskId));
        assertEquals("pending_approval", status(id));

        // A bad decision shows the problem next to the task's form.
        approver.as().formParam("csrf", approver.csrf).formParam("decision", "maybe").post("/console/approvals/" + taskId + "/complete")
                .then().statusCode(422).body(containsString("id=\"problem-" + taskId + "\"")).body(containsString("Unknown decision."));

        approver.as().formParam("csrf", approver.csrf).post("/console/approvals/" + taskId + "/claim").then().statusCode(200)
                .body(containsString("Claimed."));
        approver.as().formParam("csrf", approver.csrf).formParam("decision", "approve").formParam("comment", "fits the quarter")
                .post("/console/approvals/" + taskId + "/complete").then().statusCode(200).body(containsString("Done: approve."));
        assertEquals("approved", status(id));
        assertEquals("demo-approver", given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/spend-requests/" + id)
                .then().statusCode(200).extract().path("decidedBy"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestInTheConsole() {
        // demo-approver requests (as an engineer who is also an approver), then signs in as the approver: four-eyes
        // leaves the task out of their inbox.
        String id = given().header("Authorization", bearer(T, "demo-approver", "engineering", "approver")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", new BigDecimal("1300"), "currency", "USD",
                        "owner", "ml-platform", "description", "own request"))
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
        ConsoleBrowser self = ConsoleBrowser.signIn(T, "approver");
        self.as().get("/console/approvals").then().statusCode(200).body(not(containsString(id)));
    }

    static String status(String requestId) {
        return given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/spend-requests/" + requestId)
                .then().statusCode(200).extract().path("status");
    }
}
