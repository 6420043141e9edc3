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
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persona homes' own panels, each against the API's numbers: finance's allocation statement (and its treemap),
 * close, reconciliation and budget burn; leadership's coverage, forecast, movers and savings; platform's ingestion
 * history and coverage; the auditor's decisions (linked to their replay), chain verification and publishes.
 */
@QuarkusTest
class PersonaHomePagesTest {

    static final String T = "console-homes";

    private static JsonPath json(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String cents(Object amount) {
        return new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void everyPersonaHomeShowsItsPanelsWithTheApisNumbers() throws Exception {
        ConsolePagesTest.ingest(T, ConsolePagesTest.todaysCosts());
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        String auth = bearer(T, "fo", "finops_admin");
        String run = given().header("Authorization", auth).contentType("application/json").body("{\"billingPeriod\":\"" + month + "\"}")
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201).extract().path("id");
        given().header("Authorization", auth).contentType("application/json")
                .body("{\"name\":\"Payments\",\"scopeType\":\"team\",\"scopeValue\":\"payments\",\"period\":\"month\",\"amount\":100,\"currency\":\"EUR\"}")
                .post("/api/v1/budgets").then().statusCode(201);

        // Finance: the statement by team is the API's results for the run in force, with the treemap beside its table.
        String finance = ConsoleBrowser.signIn(T, "finance").as().get("/console").then().statusCode(200).extract().asString();
        JsonPath results = json(given().header("Authorization", auth).get("/api/v1/allocations/runs/" + run + "/results?groupBy=team")
                .then().statusCode(200).extract().asString());
        List<Map<String, Object>> rows = results.getList("rows");
        assertTrue(rows.size() >= 2, "payments and unallocated");
        for (Map<String, Object> r : rows) {
            String cur = (String) r.get("currency");
            assertTrue(finance.contains("<tr data-statement=\"" + r.get("team") + "|" + cur + "\"><td>" + r.get("team") + "</td><td>" + cur
                    + "</td><td class=\"num\">" + cents(r.get("directCost")) + "</td><td class=\"num\">" + cents(r.get("sharedCost"))
                    + "</td><td class=\"num\">" + cents(r.get("totalCost")) + "</td>"), r + " in " + finance);
        }
        assertTrue(finance.contains("class=\"chart treemap\"") && finance.contains("<tr data-treemap=\"EUR\">"), "the treemap and its table");
        assertTrue(finance.contains("<tr data-close=\"" + month + "\">"), "close status of this month");
        assertTrue(finance.contains("<h2>Reconciliation</h2>"), finance);
        String budgetId = given().header("Authorization", auth).get("/api/v1/budgets").then().extract().path("[0].id");
        Object forecast = given().header("Authorization", auth).get("/api/v1/budgets/" + budgetId + "/status").then().statusCode(200)
                .extract().path("forecastAtPeriodEnd");
        assertTrue(finance.contains("<td class=\"num\" data-burn-forecast>" + cents(forecast) + " EUR</td>"), forecast + " in " + finance);

        // Leadership: coverage per currency as the coverage API, the month-end forecast, both movers tables, savings.
        String lead = ConsoleBrowser.signIn(T, "leadership").as().get("/console").then().statusCode(200).extract().asString();
        List<Map<String, Object>> coverage = json(given().header("Authorization", auth).get("/api/v1/allocations/coverage?from=" + month + "&to=" + month)
                .then().statusCode(200).extract().asString()).getList("$");
        for (Map<String, Object> c : coverage) {
            assertTrue(lead.contains("data-kpi=\"coverage-" + c.get("currency") + "\">" + new BigDecimal(c.get("coveragePct").toString()).toPlainString() + " %"),
                    c + " in " + lead);
        }
        assertTrue(lead.contains("data-kpi=\"forecast-EUR\"") && lead.contains("data-kpi=\"forecast-USD\""), lead);
        assertTrue(lead.contains("Top movers by service") && lead.contains("Top movers by team"), lead);
        assertTrue(lead.contains("Savings: realized and open opportunity"), lead);
        assertFalse(lead.contains("data-statement="), "leadership sees coverage, not the statement");

        // Platform: the latest loads and the run's coverage; the auditor: decisions with replay links, the chain, publishes.
        String platform = ConsoleBrowser.signIn(T, "platform").as().get("/console").then().statusCode(200).extract().asString();
        assertTrue(platform.contains("<h2>Ingestion history</h2>") && platform.contains("today.csv") && platform.contains("data-kpi=\"coverage-USD\""), platform);
        String auditor = ConsoleBrowser.signIn(T, "auditor").as().get("/console").then().statusCode(200).extract().asString();
        assertTrue(auditor.contains("(auditor view)") && auditor.contains("<strong>Chain verified</strong>"), auditor);
        String decision = json(given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/decisions?limit=1")
                .then().statusCode(200).extract().asString()).getString("[0].id");
        assertTrue(auditor.contains("<a href=\"/console/replay/" + decision + "\">"), decision + " in " + auditor);
        assertTrue(auditor.contains("<h2>Recent rule publishes</h2>"), auditor);

        // Another tenant sees none of it; an approver-only session gets the finance view without the data it cannot read.
        String other = ConsoleBrowser.signIn("console-homes-other", "finance").as().get("/console").then().statusCode(200).extract().asString();
        assertTrue(other.contains("No allocation run is in force yet") && !other.contains(run), other);
        String approver = ConsoleBrowser.signIn(T, "approver").as().get("/console").then().statusCode(200).extract().asString();
        assertFalse(approver.contains("data-statement=") || approver.contains("<h2>Month-end close</h2>"), approver);
        // Home forms: sign-out refuses a forged token.
        ConsoleBrowser.signIn(T, "finance").as().formParam("csrf", "forged").post("/console/sign-out").then().statusCode(403);
    }
}
