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

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A violation nobody acknowledges escalates to FinOps when its SLA timer fires (test SLA unit: 0.5 s per hour). */
@QuarkusTest
class ViolationEscalationTest {

    static final String T = "violation-timer";

    @Test
    void unacknowledgedViolationEscalatesByTimer() throws InterruptedException {
        String id = given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-quiet", "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-999", "day", "2026-11-20")))
                .post("/api/v1/violations").then().statusCode(201).extract().path("id");
        String status = "open";
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"escalated".equals(status) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            status = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + id)
                    .then().statusCode(200).extract().path("status");
        }
        assertEquals("escalated", status);
        String audit = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=policy_violation.escalate")
                .then().statusCode(200).extract().asString();
        assertTrue(audit.contains(id), "escalation is audited: " + audit);
    }
}
