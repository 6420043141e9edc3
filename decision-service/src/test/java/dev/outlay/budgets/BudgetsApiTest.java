/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class BudgetsApiTest {

    static final String T = "budget-co";

    static Map<String, Object> budget(String team, Object amount) {
        return Map.of("name", "Team " + team, "scopeType", "team", "scopeValue", team, "period", "month",
                "amount", amount, "currency", "EUR", "thresholds", java.util.List.of(50, 100));
    }

    @Test
    void crudIsRoleCheckedAndAudited() {
        String admin = bearer(T, "fin-1", "finance");
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(budget("data", 5000))
                .post("/api/v1/budgets").then().statusCode(201).body("thresholds", equalTo(java.util.List.of(50, 100)))
                .extract().path("id");
        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(budget("x", 1))
                .post("/api/v1/budgets").then().statusCode(403);
        given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/budgets/" + id)
                .then().statusCode(200).body("amount", equalTo(5000f));
        given().header("Authorization", bearer("elsewhere", "fin-1", "finance")).get("/api/v1/budgets/" + id).then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(budget("data", 6000))
                .put("/api/v1/budgets/" + id).then().statusCode(200).body("amount", equalTo(6000f));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(budget("data", 1))
                .post("/api/v1/budgets").then().statusCode(409);
        given().header("Authorization", admin).delete("/api/v1/budgets/" + id).then().statusCode(204);
        given().header("Authorization", admin).get("/api/v1/budgets/" + id).then().statusCode(404);
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?actor=fin-1")
                .then().statusCode(200).body("action", hasItems("budget.create", "budget.update", "budget.delete"));
    }

    @Test
    void invalidBudgetsAreRefused() {
        given().header("Authorization", bearer(T, "fa", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "", "scopeType", "galaxy", "scopeValue", "x", "period", "year", "amount", -1, "currency", "euro"))
                .post("/api/v1/budgets").then().statusCode(422)
                .body("errors.field", hasItems("name", "scopeType", "period", "amount", "currency"));
    }

    @Test
    void statusUsesLedgerActualsWhenTheRollupExists() {
        LedgerFixture.dailySpend(T, "steady", 100, 40, "EUR");
        // Spend of the same team in another currency is not this budget's: it never adds to EUR actuals.
        LedgerFixture.dailySpend(T, "steady", 7, 40, "USD");
        String id = given().header("Authorization", bearer(T, "fa", "finops_admin")).contentType(ContentType.JSON)
                .body(budget("steady", 1000)).post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now();
        int elapsed = today.getDayOfMonth() - 1;
        int days = today.lengthOfMonth();
        given().header("Authorization", bearer(T, "lee", "leadership")).get("/api/v1/budgets/" + id + "/status")
                .then().statusCode(200)
                .body("currency", equalTo("EUR"))
                .body("actualToDate", equalTo(100f * elapsed))
                .body("forecastAtPeriodEnd", equalTo(100f * days))
                .body("method", equalTo("weekday-profile-28d"))
                .body("daysInPeriod", equalTo(days))
                .body("thresholdsCrossed.pct", hasItem(100));
        // Another tenant's rows never count.
        String other = given().header("Authorization", bearer("budget-other", "fa", "finops_admin")).contentType(ContentType.JSON)
                .body(budget("steady", 1000)).post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer("budget-other", "fa", "finops_admin")).get("/api/v1/budgets/" + other + "/status")
                .then().statusCode(200).body("actualToDate", equalTo(0f)).body("forecastAtPeriodEnd", equalTo(0f));
    }
}
