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
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's triage follows the finding: routed findings put an acknowledgement task in the owner group's inbox;
 * waiving, actioning and a scan closing them end the triage (the task leaves the inbox, the triage record is closed
 * with the finding's reason, audited); a waiver that ran out while the finding is still detected opens a new triage.
 */
@QuarkusTest
class FindingTriageSyncTest {

    static final String T = "findings-triage";

    @Inject
    FindingStore store;

    @Inject
    FindingRouting routing;

    @Inject
    FindingReconciler reconciler;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    static String pat() {
        return bearer(T, "pat", "engineering", "payments");
    }

    private FindingDetection routed(String resource) {
        return routed(resource, "low");
    }

    private FindingDetection routed(String resource, String risk) {
        FindingDetection d = FindingLifecycleTest.detection(resource, "waste.ebs.unattached", "payments", risk, "DELETE", "dev",
                List.of(new SavingsRange(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), "USD")));
        QuarkusTransaction.requiringNew().run(() -> TenantContext.runAs(TenantContext.system(T), () -> {
            store.insert(d, FindingStatus.OPEN, Instant.now().truncatedTo(ChronoUnit.MICROS), null);
            routing.opened(d);
        }));
        return d;
    }

    private static String violationOf(String findingId) {
        return given().header("Authorization", pat()).get("/api/v1/findings/" + findingId).then().statusCode(200)
                .extract().path("finding.violationId");
    }

    /** The violation ids of the acknowledgement tasks in the payments group's inbox. */
    private static List<String> inbox() {
        List<Map<String, Object>> tasks = given().header("Authorization", pat()).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return tasks.stream().filter(t -> "AcknowledgeViolation".equals(t.get("taskName"))).map(t -> (String) t.get("subjectId")).toList();
    }

    @Test
    void anApprovedRiskyActionEndsTheTriageFromInsideTheApproval() {
        tenants.ensure(T, T, false);
        FindingDetection risky = routed("vol-t-risky-" + UUID.randomUUID(), "high");
        String violation = violationOf(risky.id());
        String requestId = given().header("Authorization", pat()).contentType(ContentType.JSON).body(Map.of("reason", "delete it"))
                .post("/api/v1/findings/" + risky.id() + "/action").then().statusCode(200).body("status", equalTo("pending_approval"))
                .extract().path("approvalRequestId");
        assertTrue(inbox().contains(violation), "asking for approval keeps the owners' triage");
        String fay = bearer(T, "fay", "finops_admin");
        List<Map<String, Object>> tasks = given().header("Authorization", fay).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Object task = tasks.stream().filter(t -> requestId.equals(t.get("subjectId"))).map(t -> t.get("taskId")).findFirst().orElseThrow();
        given().header("Authorization", fay).contentType(ContentType.JSON).body(Map.of("decision", "approve", "comment", "fine"))
                .post("/api/v1/inbox/" + task + "/complete").then().statusCode(200);
        given().header("Authorization", pat()).get("/api/v1/findings/" + risky.id()).then().statusCode(200)
                .body("finding.status", equalTo("actioned"));
        assertTrue(!inbox().contains(violation), "the approval's action ended the triage: " + inbox());
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + violation).then().statusCode(200)
                .body("status", equalTo("closed")).body("action", containsString("finding actioned: approved by fay"));
    }

    private FindingScan.Counts scan(List<FindingDetection> detected, Map<String, Instant> absent) {
        LocalDate asOf = FindingScans.lastCompleteDay();
        return TenantContext.runAs(TenantContext.system(T), () -> {
            UUID id = UUID.randomUUID();
            store.queueScan(id, "request", "conservative", asOf, "test", Instant.now().truncatedTo(ChronoUnit.MICROS));
            return reconciler.apply(new FindingReconciler.Outcome(id, "conservative", "p-test", asOf, 0, detected, List.of(), Set.of(),
                    absent, Map.of("waste-rightsizing", "v-test")));
        });
    }

    @Test
    void waivingActioningAndClosingEndTheOwnersTriageAndAnEndedWaiverOpensANewOne() {
        tenants.ensure(T, T, false);
        FindingDetection waived = routed("vol-t-waive-" + UUID.randomUUID());
        FindingDetection actioned = routed("vol-t-action-" + UUID.randomUUID());
        FindingDetection gone = routed("vol-t-gone-" + UUID.randomUUID());
        String vWaived = violationOf(waived.id()), vActioned = violationOf(actioned.id()), vGone = violationOf(gone.id());
        assertTrue(inbox().containsAll(List.of(vWaived, vActioned, vGone)), "the owners have the three tasks: " + inbox());

        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        given().header("Authorization", pat()).contentType(ContentType.JSON).body(Map.of("reason", "needed for the audit", "until", until))
                .post("/api/v1/findings/" + waived.id() + "/waive").then().statusCode(200).body("status", equalTo("waived"));
        given().header("Authorization", pat()).contentType(ContentType.JSON).body(Map.of("reason", "deleted it"))
                .post("/api/v1/findings/" + actioned.id() + "/action").then().statusCode(200).body("status", equalTo("actioned"));
        FindingScan.Counts counts = scan(List.of(), Map.of(gone.resourceId(), Instant.now()));
        assertEquals(1, counts.closed(), counts.toString());

        List<String> after = inbox();
        assertTrue(after.stream().noneMatch(Set.of(vWaived, vActioned, vGone)::contains), "no stale task is left: " + after);
        String aud = bearer(T, "aud", "auditor");
        given().header("Authorization", aud).get("/api/v1/violations/" + vWaived).then().statusCode(200)
                .body("status", equalTo("closed")).body("action", containsString("finding waived: needed for the audit"));
        given().header("Authorization", aud).get("/api/v1/violations/" + vActioned).then().statusCode(200)
                .body("status", equalTo("closed")).body("action", containsString("finding actioned: deleted it"));
        given().header("Authorization", aud).get("/api/v1/violations/" + vGone).then().statusCode(200)
                .body("status", equalTo("closed")).body("action", containsString("finding closed: resource no longer in inventory"));
        given().header("Authorization", aud).get("/api/v1/audit?action=policy_violation.closed").then().statusCode(200)
                .body("objectId", hasItem(vWaived)).body("objectId", hasItem(vGone));

        // the waiver ran out and the scan still detects it: reopened, with a new triage in the owners' inbox
        FindingScanTest.sql(dataSource, T, "UPDATE outlay.finding SET waived_until = ? WHERE tenant_id = ? AND id = ?",
                java.sql.Date.valueOf(FindingScans.lastCompleteDay().minusDays(1)), T, waived.id());
        FindingScan.Counts again = scan(List.of(waived), Map.of());
        assertEquals(1, again.reopened(), again.toString());
        String vAgain = violationOf(waived.id());
        assertNotEquals(vWaived, vAgain, "a new triage record");
        assertTrue(inbox().contains(vAgain), "the reopened finding is back in the inbox: " + inbox());
        given().header("Authorization", aud).get("/api/v1/violations/" + vAgain).then().statusCode(200)
                .body("status", equalTo("open")).body("policyReason", containsString("reopened: waiver ended"));
    }
}
