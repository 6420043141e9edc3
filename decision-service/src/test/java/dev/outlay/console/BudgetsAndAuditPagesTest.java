/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.budgets.LedgerFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budgets pages create through the API's service and show its status; the audit page filters, verifies and exports. */
@QuarkusTest
class BudgetsAndAuditPagesTest {

    static final String T = "console-budgets";

    @Test
    void budgetsAreCreatedRefusedAndShownAsTheApiComputesThem() {
        LedgerFixture.dailySpend(T, "steady", 100, 40, "EUR");
        String api = bearer(T, "fo", "finops_admin");
        ConsoleBrowser fin = ConsoleBrowser.signIn(T, "finance");
        assertTrue(fin.as().get("/console/budgets").then().statusCode(200).extract().asString().contains("No budgets yet."));

        // A bad amount is the API's 422, shown next to its field; nothing is written.
        String refused = create(fin, fin.csrf, "12,5x").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("class=\"fault\" id=\"b-amount-err\" role=\"alert\">not a decimal number: 12,5x<"), refused);
        assertTrue(refused.contains("value=\"Steady EUR\""), "the form keeps what was typed");
        // Without this session's CSRF token, or as an approver, nothing is created either.
        create(fin, "forged", "5000").then().statusCode(403);
        ConsoleBrowser approver = ConsoleBrowser.signIn(T, "approver");
        create(approver, approver.csrf, "5000").then().statusCode(403);
        assertEquals(0, given().header("Authorization", api).get("/api/v1/budgets").then().statusCode(200).extract().jsonPath().getList("$").size());

        Response created = create(fin, fin.csrf, "5000");
        assertEquals(303, created.statusCode(), created.body().asString());
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonPath status = JsonPath.from(given().header("Authorization", api).get("/api/v1/budgets/" + id + "/status")
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        String actual = money(status.get("actualToDate"));
        String forecast = money(status.get("forecastAtPeriodEnd"));

        String list = fin.as().get("/console/budgets").then().statusCode(200).extract().asString();
        assertTrue(list.contains("data-forecast=\"" + id + "\">" + forecast + "<"), forecast + " in\n" + list);
        String detail = fin.as().get("/console/budgets/" + id).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("<td data-actual>" + actual + " EUR</td>"), actual + " in\n" + detail);
        assertTrue(detail.contains("<td data-forecast>" + forecast + " EUR</td>"), detail);
        assertTrue(detail.contains("<polyline") && detail.contains("stroke-dasharray"), "actual and forecast lines");
        // The chart's table ends the period at the forecast: the day-by-day path sums to what the status says.
        Matcher rows = Pattern.compile("<tr><td>(\\d{4}-\\d{2}-\\d{2})</td><td>(actual|forecast)</td><td class=\"num\">([0-9.]+)</td></tr>").matcher(detail);
        String last = null;
        String lastKind = null;
        while (rows.find()) {
            last = rows.group(3);
            lastKind = rows.group(2);
        }
        assertEquals("forecast", lastKind);
        assertEquals(forecast, last, "the cumulative forecast on the last day is the status's forecast");
        // The page's create is audited as the signed-in user, like the API's.
        List<String> actions = given().header("Authorization", bearer(T, "aud", "auditor")).queryParam("action", "budget.create")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("budget.create"), actions);

        // Another tenant sees neither the budget nor its page; no session goes to sign-in.
        ConsoleBrowser other = ConsoleBrowser.signIn("console-budgets-other", "finance");
        other.as().get("/console/budgets/" + id).then().statusCode(404);
        assertFalse(other.as().get("/console/budgets").then().statusCode(200).extract().asString().contains(id));
        given().redirects().follow(false).get("/console/budgets").then().statusCode(303);
    }

    @Test
    void theAuditPageFiltersVerifiesAndExportsOnlyItsTenant() {
        String fo = bearer(T + "-audit", "fo", "finops_admin");
        given().header("Authorization", fo).contentType("application/json")
                .body("{\"name\":\"Audited\",\"scopeType\":\"team\",\"scopeValue\":\"x\",\"period\":\"month\",\"amount\":10,\"currency\":\"USD\"}")
                .post("/api/v1/budgets").then().statusCode(201);
        ConsoleBrowser aud = ConsoleBrowser.signIn(T + "-audit", "auditor");
        String page = aud.as().queryParam("action", "budget.create").queryParam("verify", "1").get("/console/audit")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span data-total>1</span>") && page.contains("<td>budget.create</td>"), page);
        assertTrue(page.contains("Chain verified"), page);
        assertTrue(page.contains("href=\"/console/audit.csv?action=budget.create\""), page);
        String csv = aud.as().queryParam("action", "budget.create").get("/console/audit.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
        assertTrue(csv.startsWith("seq,at,actor,action,") && csv.contains(",budget.create,budget,"), csv);

        String bad = aud.as().queryParam("from", "last tuesday").get("/console/audit").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("dates are ISO-8601") && bad.contains("field from: last tuesday"), bad);
        ConsoleBrowser.signIn(T + "-audit", "finance").as().get("/console/audit").then().statusCode(403);
        String other = ConsoleBrowser.signIn(T + "-audit-other", "auditor").as().queryParam("action", "budget.create")
                .get("/console/audit").then().statusCode(200).extract().asString();
        assertTrue(other.contains("<span data-total>0</span>"), other);
    }

    private static Response create(ConsoleBrowser b, String csrf, String amount) {
        var req = b.as().formParam("name", "Steady EUR").formParam("scopeType", "team").formParam("scopeValue", "steady")
                .formParam("period", "month").formParam("amount", amount).formParam("currency", "EUR").formParam("thresholds", "50, 80");
        if (csrf != null) req = req.formParam("csrf", csrf);
        return req.post("/console/budgets");
    }

    private static String money(Object v) {
        return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
