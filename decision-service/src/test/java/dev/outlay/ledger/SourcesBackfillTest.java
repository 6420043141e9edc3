/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Backfill of a configured S3 source is bounded, tenant-scoped and role-guarded (S3 itself: S3CurExportTest). */
@QuarkusTest
class SourcesBackfillTest {

    static final String T = "ledger-backfill";

    static io.restassured.response.ValidatableResponse backfill(String tenant, String role, String source, String body) {
        return given().header("Authorization", bearer(tenant, "u", role)).contentType("application/json").body(body)
                .when().post("/api/v1/sources/" + source + "/backfill").then();
    }

    @Test
    void windowBeyondTheBoundIsRefused() {
        backfill(T, "finops_admin", "test-cur", "{\"from\":\"2024-01\",\"to\":\"2025-06\"}")
                .statusCode(422).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("to"));
        backfill(T, "finops_admin", "test-cur", "{\"from\":\"2024-05\",\"to\":\"2024-01\"}").statusCode(400);
        backfill(T, "finops_admin", "test-cur", "{\"from\":\"May\",\"to\":\"2024-06\"}").statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void boundedWindowIsQueuedPerBillingPeriod() {
        backfill(T, "admin", "test-cur", "{\"from\":\"2024-01\",\"to\":\"2024-03\"}")
                .statusCode(202).body("billingPeriods", contains("2024-01", "2024-02", "2024-03")).body("status", equalTo("queued"));
    }

    @Test
    void otherTenantsAndRolesCannotBackfill() {
        backfill("ledger-other", "finops_admin", "test-cur", "{\"from\":\"2024-01\",\"to\":\"2024-02\"}").statusCode(404);
        backfill(T, "finops_admin", "nope", "{\"from\":\"2024-01\",\"to\":\"2024-02\"}").statusCode(404);
        backfill(T, "engineering", "test-cur", "{\"from\":\"2024-01\",\"to\":\"2024-02\"}").statusCode(403);
    }
}
