/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings stored directly (as a scan would), then the API over them: owner scoping, filters and their bad input,
 * CSV rounding, the summary per currency, every transition with its history and audit entry, a refused transition
 * that changes nothing, the approval path of a risky action, and a second tenant that sees nothing.
 */
@QuarkusTest
public class FindingLifecycleTest {

    static final String T = "findings-life";
    static final String OTHER = "findings-life-other";

    @Inject
    FindingStore store;

    @Inject
    TenantRegistry tenants;

    @Inject
    FindingExternalSink jira;

    static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    public static FindingDetection detection(String resource, String detector, String owner, String risk, String action, String env,
                                      List<SavingsRange> savings) {
        String id = "fnd_test_" + resource + "_" + detector.replace('.', '_');
        return new FindingDetection(id, resource, "aws", "111122223333", "eu-west-1", owner, "tag", env, detector, "waste-rightsizing",
                "v-test", "conservative", "p-test", UUID.randomUUID(), UUID.randomUUID(), "INVENTORY", new BigDecimal("0.80"), action,
                "unattached for 40 days", "delete the volume", risk, savings,
                "{\"inventory\":{\"state\":\"available\"},\"costs\":[{\"currency\":\"USD\",\"effective\":12.3}]}",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30));
    }

    private String a;
    private String b;

    @BeforeEach
    void seed() {
        tenants.ensure(T, T, false);
        tenants.ensure(OTHER, OTHER, false);
        FindingDetection da = detection("vol-a-" + UUID.randomUUID(), "waste.ebs.unattached", "payments", "low", "DELETE", "dev",
                List.of(new SavingsRange(new BigDecimal("10.005"), new BigDecimal("12.345"), new BigDecimal("20"), "USD"),
                        new SavingsRange(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), "EUR")));
        FindingDetection db = detection("snap-b-" + UUID.randomUUID(), "waste.eip.idle", "ml", "low", "DELETE", "production",
                List.of(new SavingsRange(new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("3.5"), "USD")));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantContext.runAs(TenantContext.system(T), () -> {
            store.insert(da, FindingStatus.OPEN, now, null);
            store.insert(db, FindingStatus.OPEN, now, null);
        });
        a = da.id();
        b = db.id();
    }

    private static List<Map<String, Object>> list(String auth, String query) {
        return given().header("Authorization", auth).get("/api/v1/findings" + query).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static long count(List<Map<String, Object>> l, String id) {
        return l.stream().filter(f -> id.equals(f.get("id"))).count();
    }

    @Test
    void ownersSeeTheirOwnFindingsFinOpsAndAuditorsSeeAllOtherTenantsNothing() {
        assertEquals(1, count(list(finops(), ""), a));
        assertEquals(1, count(list(finops(), ""), b));
        assertEquals(1, count(list(bearer(T, "aud", "auditor"), ""), b));
        List<Map<String, Object>> payments = list(bearer(T, "pat", "engineering", "payments"), "");
        assertEquals(1, count(payments, a));
        assertEquals(0, count(payments, b), "ml's finding is not payments' to see");
        assertTrue(payments.stream().allMatch(f -> "payments".equals(f.get("owner"))));
        assertTrue(list(bearer(T, "nobody", "platform"), "").isEmpty(), "a platform token naming no owner group sees none");
        given().header("Authorization", bearer(T, "pat", "engineering", "payments")).get("/api/v1/findings/" + b).then().statusCode(404);
        given().header("Authorization", bearer(T, "pat", "engineering", "payments")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/" + b + "/accept").then().statusCode(404);
        given().header("Authorization", bearer(T, "fin", "finance")).get("/api/v1/findings").then().statusCode(403);

        assertEquals(0, count(list(bearer(OTHER, "fo", "finops_admin"), ""), a));
        given().header("Authorization", bearer(OTHER, "fo", "finops_admin")).get("/api/v1/findings/" + a).then().statusCode(404);
        given().header("Authorization", bearer(OTHER, "fo", "finops_admin")).get("/api/v1/findings/summary").then().statusCode(200)
                .body("rows.size()", equalTo(0));
    }

    @Test
    void filtersValidateTheirInputAndCompareSavingsWithinACurrency() {
        List<Map<String, Object>> big = list(finops(), "?minSavings=5");
        assertEquals(1, count(big, a));
        assertEquals(0, count(big, b), "3 USD is below 5");
        assertEquals(0, count(list(finops(), "?minSavings=5&currency=EUR"), a), "A's EUR saving is 2");
        assertEquals(1, count(list(finops(), "?detector=waste.eip.idle&owner=ml&status=open"), b));
        assertEquals(0, count(list(finops(), "?detector=waste.eip.idle"), a));

        for (String bad : List.of("?status=snoozed", "?detector=waste.nothing", "?minSavings=lots", "?minSavings=-1", "?currency=EURO",
                "?format=xml")) {
            given().header("Authorization", finops()).get("/api/v1/findings" + bad).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void csvRoundsHalfEvenToTheMinorUnitAndTheSummaryKeepsCurrenciesApart() {
        String csv = given().header("Authorization", finops()).get("/api/v1/findings?format=csv&owner=payments").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(FindingCsv.HEADER, lines[0]);
        String usd = java.util.Arrays.stream(lines).filter(l -> l.startsWith(a + ",") && l.contains(",USD,")).findFirst().orElseThrow();
        // 10.005 and 12.345 are exact halves: HALF_EVEN keeps the even digit (10.00, 12.34), HALF_UP would not.
        assertTrue(usd.contains(",USD,10.00,12.34,20.00,"), usd);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.startsWith(a + ",") && l.contains(",EUR,1.00,2.00,3.00,")), csv);

        Response summary = given().header("Authorization", finops()).get("/api/v1/findings/summary");
        summary.then().statusCode(200);
        List<Map<String, Object>> rows = summary.jsonPath().getList("rows");
        assertTrue(rows.stream().anyMatch(r -> "payments".equals(r.get("owner")) && "EUR".equals(r.get("currency"))));
        List<Map<String, Object>> totals = summary.jsonPath().getList("totals");
        assertEquals(totals.stream().map(t -> t.get("currency")).distinct().count(), totals.size(), "one total per currency");
        // the JSON keeps exact decimals
        given().header("Authorization", finops()).get("/api/v1/findings/" + a).then().statusCode(200)
                .body("finding.savings.find { it.currency == 'USD' }.expected", equalTo(12.345f))
                .body("finding.evidence.inventory.state", equalTo("available"));
    }

    @Test
    void transitionsAreAuditedAndABadTransitionChangesNothing() {
        String pat = bearer(T, "pat", "engineering", "payments");
        // verify an open finding: 409, nothing written
        given().header("Authorization", pat).post("/api/v1/findings/" + a + "/verify").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("open"));
        given().header("Authorization", pat).get("/api/v1/findings/" + a).then().statusCode(200)
                .body("finding.status", equalTo("open")).body("events.size()", equalTo(0));

        given().header("Authorization", pat).contentType(ContentType.JSON).body(Map.of("reason", "we will clean it up"))
                .post("/api/v1/findings/" + a + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        // accepting twice is a conflict
        given().header("Authorization", pat).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/" + a + "/accept").then().statusCode(409);

        String past = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        given().header("Authorization", pat).contentType(ContentType.JSON).body(Map.of("until", past))
                .post("/api/v1/findings/" + a + "/waive").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("reason")).body("errors.field", hasItem("until"));
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        given().header("Authorization", pat).contentType(ContentType.JSON).body(Map.of("reason", "kept for the audit", "until", until))
                .post("/api/v1/findings/" + a + "/waive").then().statusCode(200).body("status", equalTo("waived"))
                .body("waiveReason", equalTo("kept for the audit")).body("waivedUntil", equalTo(until));
        given().header("Authorization", pat).contentType(ContentType.JSON).body(Map.of("reason", "audit done early"))
                .post("/api/v1/findings/" + a + "/reopen").then().statusCode(200).body("status", equalTo("reopened"))
                .body("waiveReason", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", pat).contentType(ContentType.JSON).body(Map.of("reason", "deleted the volume"))
                .post("/api/v1/findings/" + a + "/action").then().statusCode(200).body("status", equalTo("actioned"))
                .body("actionedBy", equalTo("pat"));
        // no ledger day after the action yet: the cost cannot have dropped
        given().header("Authorization", pat).post("/api/v1/findings/" + a + "/verify").then().statusCode(409)
                .body("detail", containsString("has not dropped"));

        List<Map<String, Object>> events = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/findings/" + a)
                .then().statusCode(200).extract().jsonPath().getList("events");
        assertEquals(List.of("accepted", "waived", "reopened", "actioned"), events.stream().map(e -> e.get("to")).toList());
        assertEquals(List.of("open", "accepted", "waived", "reopened"), events.stream().map(e -> e.get("from")).toList());
        assertTrue(events.stream().allMatch(e -> "pat".equals(e.get("actor"))));
        for (String action : List.of("finding.accept", "finding.waive", "finding.reopen", "finding.action")) {
            given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=" + action).then().statusCode(200)
                    .body("objectId", hasItem(a));
        }
    }

    @Test
    void aRiskyActionGoesThroughApprovalBeforeItIsActioned() {
        String oli = bearer(T, "oli", "engineering", "ml");
        // b deletes something in production: approval first
        String requestId = given().header("Authorization", oli).contentType(ContentType.JSON).body(Map.of("reason", "release it"))
                .post("/api/v1/findings/" + b + "/action").then().statusCode(200).body("status", equalTo("pending_approval"))
                .extract().path("approvalRequestId");
        assertNotNull(requestId);
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/spend-requests/" + requestId).then().statusCode(200)
                .body("status", equalTo("pending_approval")).body("approverGroup", equalTo("finops_admin"))
                .body("ruleId", equalTo("finding-action-risk")).body("requester", equalTo("oli"));
        // acting again while it waits is a conflict
        given().header("Authorization", oli).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/" + b + "/action").then().statusCode(409);

        List<Map<String, Object>> inbox = given().header("Authorization", bearer(T, "fay", "finops_admin")).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> task = inbox.stream().filter(t -> requestId.equals(t.get("subjectId"))).findFirst().orElse(null);
        assertNotNull(task, "FinOps has the approval task: " + inbox);
        given().header("Authorization", bearer(T, "fay", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("decision", "approve", "comment", "snapshot copied elsewhere"))
                .post("/api/v1/inbox/" + task.get("taskId") + "/complete").then().statusCode(200);

        given().header("Authorization", oli).get("/api/v1/findings/" + b).then().statusCode(200)
                .body("finding.status", equalTo("actioned")).body("finding.actionedBy", equalTo("fay"))
                .body("events.to", equalTo(List.of("pending_approval", "actioned")));
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=finding.action_requested").then()
                .statusCode(200).body("objectId", hasItem(b));
    }

    @Test
    void theRiskGateReadsRiskAndProductionDeletes() {
        StoredFinding f = TenantContext.runAs(TenantContext.system(T), () -> store.find(b).orElseThrow());
        assertTrue(FindingLifecycle.needsApproval(f), "DELETE in production");
        StoredFinding g = TenantContext.runAs(TenantContext.system(T), () -> store.find(a).orElseThrow());
        assertTrue(!FindingLifecycle.needsApproval(g), "a low-risk delete in dev is the owner's call");
        assertNull(g.approvalRequestId());
    }

    @Test
    void aJiraIssueDoneMarksTheFindingActionedButARiskyOneStillNeedsItsApproval() {
        dev.outlay.actions.ExternalLink issue = new dev.outlay.actions.ExternalLink(UUID.randomUUID(), "finding", a, "FIN-7",
                "https://acme.atlassian.example/browse/FIN-7", "Done", UUID.randomUUID(), Instant.now(), Instant.now());
        String outcome = TenantContext.runAs(TenantContext.system(T), () -> jira.externallyDone(a, issue));
        assertEquals("actioned; awaiting verification", outcome);
        given().header("Authorization", finops()).get("/api/v1/findings/" + a).then().statusCode(200)
                .body("finding.status", equalTo("actioned")).body("finding.actionedBy", equalTo("jira:FIN-7"));
        assertEquals("nothing to do (finding is actioned)", TenantContext.runAs(TenantContext.system(T), () -> jira.externallyDone(a, issue)));

        String risky = TenantContext.runAs(TenantContext.system(T), () -> jira.externallyDone(b, issue));
        assertEquals("the action needs an approval first (finding is pending_approval)", risky);
        // Another tenant's hook naming this finding finds nothing.
        assertEquals("finding no longer exists", TenantContext.runAs(TenantContext.system(OTHER), () -> jira.externallyDone(a, issue)));
    }
}
