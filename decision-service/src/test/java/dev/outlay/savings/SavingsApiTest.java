/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Roles, bad input and tenancy of the savings report (the figures: SavingsMathTest, DemoEconomicsTest). */
@QuarkusTest
class SavingsApiTest {

    static final String T = "savings-a";

    @Test
    void rolesBadInputAndAnEmptyTenant() {
        String url = "/api/v1/savings?from=2024-10-01&to=2024-11-01";
        given().get(url).then().statusCode(401);
        given().header("Authorization", bearer(T, "sv-eng", "engineering")).get(url).then().statusCode(403);
        given().header("Authorization", bearer(T, "sv-appr", "approver")).get(url).then().statusCode(403);
        given().header("Authorization", bearer(T, "sv-lead", "leadership")).get(url).then().statusCode(200)
                .body("opportunity.size()", equalTo(0)).body("realized.size()", equalTo(0)).body("settleDays", equalTo(2));
        given().header("Authorization", bearer(T, "sv-fin", "finance")).get(url + "&format=csv").then().statusCode(200)
                .contentType("text/csv").body(equalTo("section,owner,kind,currency,findings,low,expected,high,realized,status\n"));
        String fo = bearer(T, "sv-fo", "finops_admin");
        given().header("Authorization", fo).get("/api/v1/savings?from=2024-10-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().header("Authorization", fo).get("/api/v1/savings?from=2024-11-01&to=2024-10-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", fo).get("/api/v1/savings?from=x&to=2024-10-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().header("Authorization", fo).get(url + "&format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().header("Authorization", fo).get("/api/v1/savings").then().statusCode(200);
    }
}
