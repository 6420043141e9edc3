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
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation runs in the console: start one with the session's CSRF token, follow its progress, read its coverage. */
@QuarkusTest
class AllocationRunPagesTest {

    static final String T = "console-alloc";

    @Test
    void aRunStartedFromTheFormIsFollowedToItsCoverage() throws Exception {
        ConsolePagesTest.ingest(T, ConsolePagesTest.todaysCosts());
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        ConsoleBrowser fo = ConsoleBrowser.signIn(T, "finops_admin");
        String list = fo.as().get("/console/allocations").then().statusCode(200).extract().asString();
        assertTrue(list.contains("action=\"/console/allocations\"") && list.contains("value=\"" + month + "\""), list);

        // Refused without the token, or for a role that cannot start runs: nothing is queued.
        fo.as().formParam("csrf", "forged").formParam("billingPeriod", month).post("/console/allocations").then().statusCode(403);
        ConsoleBrowser fin = ConsoleBrowser.signIn(T, "finance");
        assertFalse(fin.as().get("/console/allocations").then().statusCode(200).extract().asString().contains("action=\"/console/allocations\""),
                "finance reads runs but has no form to start one");
        fin.as().formParam("csrf", fin.csrf).formParam("billingPeriod", month).post("/console/allocations").then().statusCode(403);
        String auth = bearer(T, "fo", "finops_admin");
        assertEquals(0, given().header("Authorization", auth).get("/api/v1/allocations/coverage").then().statusCode(200)
                .extract().jsonPath().getList("$").size(), "refused forms start no run");
        String bad = fo.as().formParam("csrf", fo.csrf).formParam("billingPeriod", "May").post("/console/allocations")
                .then().statusCode(400).extract().asString();
        assertTrue(bad.contains("id=\"problem\"") && bad.contains("field billingPeriod"), bad);

        Response started = fo.as().formParam("csrf", fo.csrf).formParam("billingPeriod", month).post("/console/allocations");
        assertEquals(303, started.statusCode(), started.asString());
        String page = started.header("Location");
        assertTrue(page.matches(".*/console/allocations/[0-9a-f-]{36}$"), page);
        String html;
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            Thread.sleep(200);
            html = fo.as().get(page).then().statusCode(200).extract().asString();
        } while (html.contains("hx-trigger=\"every 1s") && System.currentTimeMillis() < deadline);
        assertTrue(html.contains("<strong data-run-status>succeeded</strong>") && html.contains("(in force for " + month + ")"), html);
        assertTrue(html.contains("<progress id=\"run-progress\" max=\"100\" value=\"100\">"), html);

        // Coverage per currency as the API reports it, rounded to the minor unit; the untagged USD row is unallocated.
        List<Map<String, Object>> coverage = JsonPath.from(given().header("Authorization", auth).get("/api/v1/allocations/coverage")
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("$");
        assertEquals(2, coverage.size());
        for (Map<String, Object> c : coverage) {
            String cur = (String) c.get("currency");
            String pct = new BigDecimal(c.get("coveragePct").toString()).toPlainString();
            String total = new BigDecimal(c.get("totalCost").toString()).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            assertTrue(html.contains("<tr data-coverage=\"" + cur + "\"><td>" + cur + "</td><td class=\"num\">" + total + "</td>"), cur + " total in " + html);
            assertTrue(html.contains("<td class=\"num\" data-coverage-pct>" + pct + " %</td>"), cur + " " + pct + " in " + html);
        }
        assertTrue(html.contains("<tr data-reason><td>"), "the unallocated USD row has its reason: " + html);

        String id = page.substring(page.lastIndexOf('/') + 1);
        assertTrue(fin.as().get("/console/allocations").then().statusCode(200).extract().asString().contains("data-run=\"" + id + "\""));
        assertTrue(fo.as().get("/console/ingestions").then().statusCode(200).extract().asString().contains("/console/allocations/" + id),
                "the ingestion page lists the run");
        ConsoleBrowser.signIn("console-alloc-other", "finops_admin").as().get(page).then().statusCode(404);
        fo.as().get("/console/allocations/not-a-run").then().statusCode(404);
        ConsoleBrowser.signIn(T, "approver").as().get("/console/allocations").then().statusCode(403);
        ConsoleBrowser.signIn(T, "approver").as().get(page).then().statusCode(403);
    }
}
