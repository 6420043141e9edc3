/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.outlay.approvals.ApprovalApi.act;
import static dev.outlay.approvals.ApprovalApi.inbox;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Detect -> assign owner -> acknowledge/act -> verify, over REST. */
@QuarkusTest
class ViolationTriageTest {

    static final String T = "triage-co";

    static Map<String, Object> taskFor(String violationId, String subject, String... roles) {
        return inbox(T, subject, roles).stream().filter(t -> violationId.equals(t.get("subjectId"))).findFirst().orElse(null);
    }

    @Test
    void violationIsRecordedAssignedActedOnAndVerified() {
        String id = given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-123", "day", "2026-11-20")))
                .post("/api/v1/violations").then().statusCode(201)
                .body("owner", equalTo("team-ml"))
                .body("policyVersion", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("ruleId", equalTo("SP-10"))
                .body("evidence", containsString("i-123"))
                .extract().path("id");

        Map<String, Object> ack = taskFor(id, "oli", "engineering", "team-ml");
        assertNotNull(ack, "the owner group is assigned");
        act((String) ack.get("taskId"), "complete", Map.of("comment", "downsized the instance"), T, "oli", "engineering", "team-ml")
                .statusCode(200);

        Map<String, Object> verify = taskFor(id, "fo", "finops_admin");
        assertNotNull(verify, "finops verifies");
        act((String) verify.get("taskId"), "complete", Map.of("decision", "verified"), T, "fo", "finops_admin").statusCode(200);

        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + id).then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("action", equalTo("downsized the instance"))
                .body("acknowledgedBy", equalTo("oli"))
                .body("verifiedBy", equalTo("fo"));
    }

    @Test
    void anActionFinopsDoesNotAcceptGoesBackToTheOwnerUntilItIsVerified() {
        String id = given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-data", "resourceClass", "standard", "environment", "prod", "amount", 6000))
                .post("/api/v1/violations").then().statusCode(201).extract().path("id");

        Map<String, Object> ack = taskFor(id, "dina", "engineering", "team-data");
        act((String) ack.get("taskId"), "complete", Map.of("comment", "will look next sprint"), T, "dina", "engineering", "team-data")
                .statusCode(200);
        Map<String, Object> verify = taskFor(id, "fo", "finops_admin");
        act((String) verify.get("taskId"), "complete", Map.of("decision", "maybe"), T, "fo", "finops_admin").statusCode(422);
        act((String) verify.get("taskId"), "complete", Map.of("decision", "not-verified", "comment", "no action taken"), T, "fo", "finops_admin")
                .statusCode(200);

        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + id).then().statusCode(200)
                .body("status", equalTo("reopened"));
        assertNull(taskFor(id, "fo", "finops_admin"), "nothing left to verify until the owner acts again");
        Map<String, Object> again = taskFor(id, "dina", "engineering", "team-data");
        assertNotNull(again, "the owner group has the violation back");
        assertNotEquals(ack.get("taskId"), again.get("taskId"));
        act((String) again.get("taskId"), "complete", Map.of("comment", "deleted the idle cluster"), T, "dina", "engineering", "team-data")
                .statusCode(200);
        act((String) taskFor(id, "fo", "finops_admin").get("taskId"), "complete", Map.of("decision", "verified"), T, "fo", "finops_admin")
                .statusCode(200);

        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + id).then().statusCode(200)
                .body("status", equalTo("closed")).body("action", equalTo("deleted the idle cluster"));
        given().header("Authorization", bearer(T, "aud", "auditor")).queryParam("action", "policy_violation.reopened").get("/api/v1/audit")
                .then().statusCode(200).body("findAll { it.objectId == '" + id + "' }.size()", equalTo(1));
    }

    @Test
    void allowedSpendIsNoViolation() {
        given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "dev", "amount", 10))
                .post("/api/v1/violations").then().statusCode(200).body("violation", equalTo(false));
    }
}
