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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulate, diff, replay and process pages: roles (engineering and approvers see none of it, auditors read and
 * replay), another tenant's ids are 404, a hand-checked allocation simulation, the semantic diff of a one-cell edit,
 * replay with the engine's matched rows, and the active task of a live spend request in the process diagram.
 */
@QuarkusTest
class StudioReplayPagesTest {

    static final String T = "studio-replay";
    static final String OTHER = "studio-replay-b";
    static final Map<String, Object> MID = Map.of("resourceClass", "standard", "environment", "prod", "amount", 4500,
            "budgetRemaining", 100000, "forecastOverrunPct", 0, "owner", "web");
    static final Map<String, Object> SMALL = Map.of("resourceClass", "standard", "environment", "prod", "amount", 100,
            "budgetRemaining", 100000, "forecastOverrunPct", 0, "owner", "web");

    static String finops(String tenant) {
        return bearer(tenant, "sr-finops", "finops_admin");
    }

    /** The spend policy with its large-request warning (SP-10) from 4,000 instead of 5,000, saved as a draft. */
    static String draftWarnFrom4000(String tenant) {
        String active = given().header("Authorization", finops(tenant)).get("/api/v1/rulesets/spend-policy").then().statusCode(200)
                .extract().path("ruleSet.activeHash");
        String xml = given().header("Authorization", finops(tenant)).get("/api/v1/rulesets/spend-policy/versions/" + active)
                .then().statusCode(200).extract().path("content");
        String draft = xml.replace("<inputEntry id=\"sp10c\"><text>&gt;= 5000</text></inputEntry>",
                "<inputEntry id=\"sp10c\"><text>&gt;= 4000</text></inputEntry>");
        assertFalse(draft.equals(xml), "SP-10 cell found");
        return given().header("Authorization", finops(tenant)).contentType("application/xml").body(draft)
                .post("/api/v1/rulesets/spend-policy/versions?note=warn%20from%204000").then().statusCode(201).extract().path("hash");
    }

    static String evaluate(String tenant, Map<String, Object> body) {
        return given().header("Authorization", finops(tenant)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/decisions/spend-policy/evaluate").then().statusCode(200).extract().path("id");
    }

    @Test
    void rolesTenantsSimulateDiffAndReplayOfTheSpendPolicy() {
        String big = evaluate(T, MID);
        evaluate(T, SMALL);
        String active = given().header("Authorization", finops(T)).get("/api/v1/rulesets/spend-policy").then().extract().path("ruleSet.activeHash");
        String draft = draftWarnFrom4000(T);
        String sim = "/console/studio/rule-sets/spend-policy/simulate";
        String diff = "/console/studio/rule-sets/spend-policy/diff?from=" + active + "&to=" + draft;
        List<String> pages = List.of(sim, diff, "/console/replay", "/console/replay/" + big, "/console/processes");

        for (String role : List.of("engineering", "approver")) {
            ConsoleBrowser b = ConsoleBrowser.signIn(T, role);
            for (String p : pages) assertEquals(403, b.as().get(p).statusCode(), role + " " + p);
        }
        ConsoleBrowser auditor = ConsoleBrowser.signIn(T, "auditor");
        for (String p : pages) assertEquals(200, auditor.as().get(p).statusCode(), "auditor " + p);
        // Another tenant knows neither the decision nor the draft.
        ConsoleBrowser other = ConsoleBrowser.signIn(OTHER, "auditor");
        assertEquals(404, other.as().get("/console/replay/" + big).statusCode());
        assertEquals(404, other.as().get(diff).statusCode());
        assertEquals(404, other.as().get(sim + "?draft=" + draft).statusCode());
        assertFalse(other.as().get("/console/replay?ruleSet=spend-policy").then().statusCode(200).extract().asString().contains(big));

        // Simulate: of the two logged decisions only the 4,500 request changes, allow -> warn; nothing is logged.
        int logged = given().header("Authorization", finops(T)).get("/api/v1/decisions?ruleSet=spend-policy").then().extract().path("size()");
        String page = auditor.as().get(sim + "?draft=" + draft).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"value\" data-evaluated>2</span>"), page);
        assertTrue(page.contains("<span class=\"value\" data-changed>1</span>"), page);
        assertTrue(page.contains("<td>policy.outcome</td><td>&quot;allow&quot;</td><td>&quot;warn&quot;</td>"), page);
        assertTrue(page.contains("/console/replay/" + big + "?against=" + draft), "the changed decision links to its replay");
        JsonPath api = JsonPath.from(given().header("Authorization", bearer(T, "aud", "auditor")).contentType(ContentType.JSON)
                .body(Map.of("draft", draft)).post("/api/v1/rulesets/spend-policy/simulations").then().statusCode(200).extract().asString());
        assertEquals("decisions", api.getString("kind"));
        assertEquals(1, api.getInt("decisions.changed"));
        assertEquals(big, api.getString("decisions.changes[0].decisionId"));
        assertEquals(logged, (int) given().header("Authorization", finops(T)).get("/api/v1/decisions?ruleSet=spend-policy").then().extract().path("size()"));
        given().header("Authorization", bearer(T, "eng", "engineering")).contentType(ContentType.JSON).body(Map.of("draft", draft))
                .post("/api/v1/rulesets/spend-policy/simulations").then().statusCode(403);
        given().header("Authorization", finops(T)).contentType(ContentType.JSON).body(Map.of("draft", draft, "from", "yesterday"))
                .post("/api/v1/rulesets/spend-policy/simulations").then().statusCode(400).contentType("application/problem+json");

        // Diff: one row, one cell, as the API says too.
        String d = auditor.as().get(diff).then().statusCode(200).extract().asString();
        assertEquals(1, count(d, "data-row-change=\""), d);
        assertEquals(1, count(d, "data-changed-cell=\""), d);
        assertTrue(d.contains("data-changed-cell=\"amount\"><del>&gt;= 5000</del><br><ins>&gt;= 4000</ins>"), d);
        assertFalse(d.contains("data-hunk"), "the XML diff only on demand");
        assertTrue(auditor.as().get(diff + "&xml=1").then().statusCode(200).extract().asString().contains("data-hunk"));
        JsonPath rowDiff = JsonPath.from(given().header("Authorization", finops(T))
                .get("/api/v1/rulesets/spend-policy/versions/" + active + "/semantic-diff/" + draft).then().statusCode(200).extract().asString());
        assertEquals(List.of("changed"), rowDiff.getList("tables.findAll { it.change != 'unchanged' }.change"));

        // Publish, then replay the 4,500 decision as the auditor: reproduced under its own version, changed under today's.
        given().header("Authorization", finops(T)).post("/api/v1/rulesets/spend-policy/versions/" + draft + "/publish").then().statusCode(200);
        String before = auditor.as().get("/console/replay/" + big).then().statusCode(200).extract().asString();
        int loggedRow = selected(before, "logged");
        assertTrue(loggedRow > 10, "4,500 fell through to a later (allow) row under the old version: " + loggedRow);
        String replayed = auditor.as().get("/console/replay/" + big + "?replay=1").then().statusCode(200).extract().asString();
        assertTrue(replayed.contains("<strong>Reproduced</strong>"), replayed);
        assertTrue(replayed.contains("<code data-against>" + draft + "</code>"), replayed);
        assertTrue(replayed.contains("data-diff=\"policy.outcome\"><td>policy.outcome</td><td><code>allow</code></td><td><code>warn</code></td>"), replayed);
        assertEquals(10, selected(replayed, "against"), "SP-10 is the row the new version selects");
        assertEquals(loggedRow, selected(replayed, "logged"));
        // Against its own version nothing changes.
        String same = auditor.as().get("/console/replay/" + big + "?against=" + active).then().statusCode(200).extract().asString();
        assertTrue(same.contains("data-unchanged"), same);
    }

    @Test
    void allocationSimulationListsExactlyTheGroupWhoseOwnerMoves() throws Exception {
        String tenant = "studio-alloc";
        String auth = finops(tenant);
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/studio/focus-2024-10-three-owners.csv")) {
            csv = in.readAllBytes();
        }
        String ingestion = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", "three-owners.csv", csv, "text/csv").post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + ingestion).then().extract().path("status");
        }
        assertEquals("succeeded", status);
        String active = given().header("Authorization", auth).get("/api/v1/rulesets/allocation").then().statusCode(200).extract().path("ruleSet.activeHash");
        String xml = given().header("Authorization", auth).get("/api/v1/rulesets/allocation/versions/" + active).then().extract().path("content");
        String moved = xml.replace("<outputEntry id=\"al01o0\"><text>\"finance\"</text>", "<outputEntry id=\"al01o0\"><text>\"platform\"</text>");
        assertFalse(moved.equals(xml));
        String draft = given().header("Authorization", auth).contentType("application/xml").body(moved)
                .post("/api/v1/rulesets/allocation/versions?note=tax%20to%20platform").then().statusCode(201).extract().path("hash");
        int decisionsBefore = given().header("Authorization", auth).get("/api/v1/decisions?ruleSet=allocation").then().extract().path("size()");

        JsonPath api = JsonPath.from(given().header("Authorization", auth).contentType(ContentType.JSON)
                        .body(Map.of("draft", draft, "billingPeriod", "2024-10")).post("/api/v1/rulesets/allocation/simulations")
                        .then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(active, api.getString("baseline"));
        List<Map<String, Object>> changed = api.getList("allocation.changedGroups");
        assertEquals(1, changed.size(), changed.toString());
        assertEquals(0, new BigDecimal("8.88").compareTo(dec(changed.get(0).get("amount"))));
        assertEquals("EUR", changed.get(0).get("currency"));
        assertTrue(changed.get(0).get("ownerBaseline").toString().startsWith("finance"), changed.toString());
        assertTrue(changed.get(0).get("ownerDraft").toString().startsWith("platform"), changed.toString());
        // Owners: finance loses exactly the tax, platform gains it; payments and web keep theirs; coverage is unchanged.
        Map<String, BigDecimal[]> owners = new java.util.TreeMap<>();
        for (Map<String, Object> o : api.<Map<String, Object>>getList("allocation.owners")) {
            owners.put((String) o.get("owner"), new BigDecimal[]{dec(o.get("baseline")), dec(o.get("draft"))});
        }
        assertEquals(0, new BigDecimal("8.88").compareTo(owners.get("finance")[0]));
        assertEquals(0, BigDecimal.ZERO.compareTo(owners.get("finance")[1]));
        assertEquals(0, new BigDecimal("8.88").compareTo(owners.get("platform")[1]));
        assertEquals(0, owners.get("payments")[0].compareTo(owners.get("payments")[1]));
        assertEquals(0, new BigDecimal("100.1234567890").compareTo(owners.get("payments")[1]));
        assertEquals(0, new BigDecimal("30.00").compareTo(owners.get("web")[1]));
        assertEquals(0, dec(api.get("allocation.coverage[0].coveragePctBaseline")).compareTo(dec(api.get("allocation.coverage[0].coveragePctDraft"))));

        String page = ConsoleBrowser.signIn(tenant, "finops_admin").as()
                .get("/console/studio/rule-sets/allocation/simulate?draft=" + draft + "&billingPeriod=2024-10").then().statusCode(200).extract().asString();
        assertEquals(1, count(page, "<tr data-changed-group>"), page);
        assertTrue(page.contains("<td class=\"num\" data-amount>8.88</td>"), page);
        assertTrue(page.contains("<td data-owner-draft>platform"), page);
        assertTrue(page.contains("<g data-bar=\"platform\">"), "the owners chart has the new owner");
        assertEquals(decisionsBefore, (int) given().header("Authorization", auth).get("/api/v1/decisions?ruleSet=allocation").then().extract().path("size()"),
                "a simulation writes no decision-log record");
        // A bad period is the API's 400 on the page, in the page.
        String bad = ConsoleBrowser.signIn(tenant, "finops_admin").as()
                .get("/console/studio/rule-sets/allocation/simulate?draft=" + draft + "&billingPeriod=Oct").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("billingPeriod is YYYY-MM"), bad);
    }

    @Test
    void theProcessPageShowsTheActiveTaskOfALiveSpendRequest() {
        String tenant = "studio-proc";
        String id = given().header("Authorization", bearer(tenant, "pat", "platform")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", 1200, "currency", "USD", "owner", "ml",
                        "description", "process page"))
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
        String pid = given().header("Authorization", finops(tenant)).get("/api/v1/spend-requests/" + id).then().statusCode(200)
                .extract().path("processInstanceId");
        assertTrue(pid != null && !pid.isBlank(), "an escalated request runs the approval process");
        ConsoleBrowser fin = ConsoleBrowser.signIn(tenant, "finance");
        String list = fin.as().get("/console/processes").then().statusCode(200).extract().asString();
        assertTrue(list.contains("/console/processes/spendApproval/" + pid), list);
        assertEquals(3, count(list, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process\""), "every process drawn");
        String page = fin.as().get("/console/processes/spendApproval/" + pid).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<li data-active-node=\"approve\">Approve spend"), page);
        assertTrue(page.contains("<g data-node=\"approve\" data-kind=\"userTask\" data-active=\"true\">"), page);
        assertEquals(1, count(page, "data-active=\"true\""), page);
        assertTrue(page.contains("<strong data-status>active</strong>"), page);
        assertTrue(page.contains("<td>created</td>") || page.contains("<td>evaluated</td>") || page.contains("<td>escalated</td>"), page);
        assertEquals(404, ConsoleBrowser.signIn(OTHER, "finance").as().get("/console/processes/spendApproval/" + pid).statusCode());
        assertEquals(404, fin.as().get("/console/processes/noSuchProcess/" + pid).statusCode());
        assertEquals(403, ConsoleBrowser.signIn(tenant, "engineering").as().get("/console/processes/spendApproval/" + pid).statusCode());
    }

    /** JSON numbers as exact decimals: a whole number comes back as an Integer even in BIG_DECIMAL mode. */
    static BigDecimal dec(Object v) {
        return new BigDecimal(v.toString());
    }

    static int count(String s, String needle) {
        return s.split(Pattern.quote(needle), -1).length - 1;
    }

    /** The row the engine selected in the first table of a side of the replay page ("logged" or "against"). */
    static int selected(String html, String side) {
        int at = html.indexOf("data-table=\"" + side + "-policy\"");
        assertTrue(at >= 0, side + " table in\n" + html);
        Matcher m = Pattern.compile("data-selected=\"(\\d+)\"").matcher(html.substring(at, html.indexOf("</table>", at)));
        assertTrue(m.find(), "a selected row on the " + side + " side");
        return Integer.parseInt(m.group(1));
    }
}
