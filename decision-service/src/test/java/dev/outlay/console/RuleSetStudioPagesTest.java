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
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules studio's pages: who sees and changes what, CSRF, another tenant's versions, the spreadsheet view's save
 * and validation (nothing stored on an error), CSV and XLSX round trips, the editor's JSON save, publish with golden
 * scenarios, and the DRL editor's inline compiler messages. Each test has its own tenant: rule sets are per tenant.
 */
@QuarkusTest
class RuleSetStudioPagesTest {

    static final String PAGE = "/console/studio/rule-sets/spend-policy";

    @Test
    void onlyFinopsAdminsChangeAuditorsAndAdminsReadOthersSeeNothing() {
        String t = "studio-roles";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String list = finops.as().get("/console/studio").then().statusCode(200).extract().asString();
        assertTrue(list.contains("data-rule-set=\"spend-policy\"") && list.contains("data-rule-set=\"waste-rightsizing\""), list);
        String detail = finops.as().get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("data-retire="), "finops admins get the retire/publish forms");
        assertTrue(finops.as().get(PAGE).header("Content-Security-Policy").contains("script-src 'self';"), "studio pages keep a strict CSP");

        for (String reader : List.of("auditor", "admin")) {
            ConsoleBrowser b = ConsoleBrowser.signIn(t, reader);
            String page = b.as().get(PAGE).then().statusCode(200).extract().asString();
            assertFalse(page.contains("data-retire=") || page.contains("data-publish="), reader + " gets no publish/retire forms");
            String tables = b.as().get(PAGE + "/tables").then().statusCode(200).extract().asString();
            assertTrue(tables.contains("<code>&gt;= 5000</code>") && !tables.contains("name=\"c.0.0\""), reader + " reads cells, edits none");
            String editor = b.as().get(PAGE + "/edit").then().statusCode(200).extract().asString();
            assertTrue(editor.contains("Read only") && !editor.contains("id=\"save\""), reader + " opens the editor read-only");
            // Their session's own CSRF token does not make them writers.
            b.as().formParam("csrf", b.csrf).post(PAGE + "/versions/" + active(t) + "/retire").then().statusCode(403);
            b.as().formParam("csrf", b.csrf).formParam("version", active(t)).formParam("decision", "policy").formParam("rows", "0")
                    .post(PAGE + "/tables").then().statusCode(403);
            b.as().formParam("csrf", b.csrf).formParam("content", "x").post(PAGE + "/edit").then().statusCode(403);
        }
        for (String outsider : List.of("engineering", "approver", "finance", "platform", "leadership")) {
            ConsoleBrowser b = ConsoleBrowser.signIn(t, outsider);
            for (String path : List.of("/console/studio", PAGE, PAGE + "/tables", PAGE + "/edit", PAGE + "/edit/content", PAGE + "/scenarios",
                    PAGE + "/tables/export.csv?decision=policy")) {
                Response r = b.as().get(path);
                assertEquals(403, r.statusCode(), outsider + " " + path);
                assertFalse(r.body().asString().contains("&gt;= 5000") || r.body().asString().contains(">= 5000"), outsider + " sees no rule of " + path);
            }
        }
        assertEquals(1, versions(t), "nothing was saved by anyone but finops admins");
        assertEquals(303, given().redirects().follow(false).get("/console/studio").statusCode(), "no session: off to sign in");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenChangeNothing() {
        String t = "studio-csrf";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String hash = active(t);
        for (String csrf : new String[]{null, "forged"}) {
            var save = finops.as().formParam("version", hash).formParam("decision", "policy").formParam("rows", "0");
            if (csrf != null) save = save.formParam("csrf", csrf);
            save.post(PAGE + "/tables").then().statusCode(403);
            var retire = finops.as();
            if (csrf != null) retire = retire.formParam("csrf", csrf);
            retire.post(PAGE + "/versions/" + hash + "/retire").then().statusCode(403);
            var scenarios = finops.as().formParam("scenarios", "[]");
            if (csrf != null) scenarios = scenarios.formParam("csrf", csrf);
            scenarios.post(PAGE + "/scenarios").then().statusCode(403);
        }
        assertEquals(1, versions(t));
        assertEquals(hash, active(t), "nothing was retired");
    }

    @Test
    void aSpreadsheetSaveIsAValidatedDraftAndABrokenCellStoresNothing() {
        String t = "studio-sheet";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String page = finops.as().get(PAGE + "/tables").then().statusCode(200).extract().asString();
        int row = rowIndex(page, "sp10");

        // A broken FEEL cell: the validator's message on its table/row/column, a 422, nothing stored.
        String refused = postTable(finops, page, row, ">= 6000)").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("nothing was stored"), refused);
        assertTrue(refused.contains("table &#39;policy&#39;, row " + (row + 1) + " (sp10), column &#39;amount&#39;")
                || refused.contains("table 'policy', row " + (row + 1) + " (sp10), column 'amount'"), refused);
        assertTrue(refused.contains("class=\"fault-cell\""), "the broken cell is marked");
        assertTrue(refused.contains("value=\"&gt;= 6000)\""), "the form keeps what was typed");
        assertEquals(1, versions(t), "the broken table stored nothing");

        Response saved = postTable(finops, page, row, ">= 6000");
        assertEquals(303, saved.statusCode(), saved.body().asString());
        String hash = hashIn(saved.header("Location"));
        String content = given().header("Authorization", bearer(t, "fo", "finops_admin")).get("/api/v1/rulesets/spend-policy/versions/" + hash)
                .then().statusCode(200).extract().path("content");
        assertTrue(content.contains("&gt;= 6000") && !content.contains("&gt;= 5000<"), content);
        assertEquals(2, versions(t));
        String timeline = finops.as().get(saved.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200).extract().asString();
        assertTrue(timeline.contains("data-hash=\"" + hash + "\" data-status=\"draft\"") && timeline.contains("edited in the spreadsheet view"), timeline);
        assertTrue(timeline.contains("/console/studio/rule-sets/spend-policy/simulate?draft=" + hash), "the draft links to its simulation");
    }

    @Test
    void csvAndXlsxRoundTripThroughTheImport() {
        String t = "studio-csv";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String hash = active(t);
        String csv = finops.as().get(PAGE + "/tables/export.csv?decision=policy&version=" + hash).then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("FIRST,in:resourceClass,in:environment,in:amount"), csv);
        String edited = csv.replace("sp10,-,-,>= 5000", "sp10,-,-,>= 7500");
        assertNotEquals(csv, edited);
        String draft = importFile(finops, hash, "policy.csv", edited.getBytes(StandardCharsets.UTF_8));
        String back = finops.as().get(PAGE + "/tables/export.csv?decision=policy&version=" + draft).then().statusCode(200).extract().asString();
        assertEquals(edited, back, "CSV out, in and out again is the same table");

        byte[] xlsx = finops.as().get(PAGE + "/tables/export.xlsx?decision=policy&version=" + draft).then().statusCode(200)
                .contentType(XlsxWriter.MEDIA_TYPE).extract().asByteArray();
        String fromXlsx = importFile(finops, draft, "policy.xlsx", xlsx);
        String viaXlsx = finops.as().get(PAGE + "/tables/export.csv?decision=policy&version=" + fromXlsx).then().statusCode(200).extract().asString();
        assertEquals(edited, viaXlsx, "the table through XLSX out and in is the same table");
        int stored = versions(t);

        // A CSV whose columns are not the table's is the API's refusal, shown on the page; nothing stored.
        Response bad = importResponse(finops, hash, "bad.csv", "FIRST,in:nope\r\nr1,1\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().asString().contains("does not match table"), bad.body().asString());
        assertEquals(stored, versions(t));
    }

    @Test
    void theEditorSavesDraftsAsJsonAndReportsTheValidatorsMessages() {
        String t = "studio-editor";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        Response editor = finops.as().get(PAGE + "/edit");
        assertEquals(200, editor.statusCode());
        String csp = editor.header("Content-Security-Policy");
        assertTrue(csp.contains("'unsafe-eval'") && csp.contains("frame-ancestors 'none'"), "only the editor page loosens the CSP: " + csp);
        String xml = finops.as().get(PAGE + "/edit/content").then().statusCode(200).extract().asString();

        Response broken = finops.as().accept("application/json").formParam("csrf", finops.csrf).formParam("parent", active(t))
                .formParam("content", xml.replace("&gt;= 5000<", "&gt;= 5000)<")).post(PAGE + "/edit");
        assertEquals(422, broken.statusCode(), broken.body().asString());
        assertEquals(false, broken.jsonPath().getBoolean("stored"));
        assertEquals("ERR_COMPILING_FEEL", broken.jsonPath().getString("messages[0].code"), broken.body().asString());
        assertEquals("sp10", broken.jsonPath().getString("messages[0].element"));
        assertEquals(1, versions(t));

        Response ok = finops.as().accept("application/json").formParam("csrf", finops.csrf).formParam("parent", active(t)).formParam("note", "raise")
                .formParam("content", xml.replace("&gt;= 5000<", "&gt;= 6000<")).post(PAGE + "/edit");
        assertEquals(201, ok.statusCode(), ok.body().asString());
        String hash = ok.jsonPath().getString("hash");
        assertEquals("draft", ok.jsonPath().getString("status"));
        assertEquals(2, versions(t));
        // The same content again is the same version: no second draft.
        Response again = finops.as().accept("application/json").formParam("csrf", finops.csrf).formParam("parent", active(t))
                .formParam("content", xml.replace("&gt;= 5000<", "&gt;= 6000<")).post(PAGE + "/edit");
        assertEquals(200, again.statusCode());
        assertEquals(hash, again.jsonPath().getString("hash"));
    }

    @Test
    void publishRunsTheGoldenScenariosAndListsFailuresByScenario() {
        String t = "studio-publish";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String v1 = active(t);
        String page = finops.as().get(PAGE + "/tables").then().statusCode(200).extract().asString();
        // SP-01 turned from block into warn: the bundled golden scenario "over budget ... is blocked" fails.
        Response bad = postTableOutput(finops, page, rowIndex(page, "sp1"), 6, "\"warn\"");
        assertEquals(303, bad.statusCode(), bad.body().asString());
        String badHash = hashIn(bad.header("Location"));
        String refused = finops.as().formParam("csrf", finops.csrf).post(PAGE + "/versions/" + badHash + "/publish").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("id=\"failures\"") && refused.contains("bundled: over budget with a large forecast overrun is blocked"), refused);
        assertEquals(v1, active(t), "a failing publish changes nothing");

        // The tenant's own scenario is run too: one that wants SP-10 for 5,500 passes under v1 and fails a 6,000 threshold.
        String scenario = "[{\"name\":\"5500 is a large request\",\"inputs\":{\"resourceClass\":\"standard\",\"environment\":\"prod\",\"amount\":5500,"
                + "\"budgetRemaining\":100000,\"forecastOverrunPct\":0,\"owner\":\"web\"},\"expect\":{\"policy\":{\"ruleId\":\"SP-10\"}}}]";
        assertEquals(303, finops.as().formParam("csrf", finops.csrf).formParam("scenarios", scenario).post(PAGE + "/scenarios").statusCode());
        String scenarios = finops.as().get(PAGE + "/scenarios").then().statusCode(200).extract().asString();
        assertTrue(scenarios.contains("data-origin=\"tenant\"><td>this tenant</td><td>5500 is a large request</td>"), scenarios);
        assertEquals(422, finops.as().formParam("csrf", finops.csrf).formParam("scenarios", "{\"not\":\"a list\"}").post(PAGE + "/scenarios").statusCode());
        Response raised = postTable(finops, page, rowIndex(page, "sp10"), ">= 6000");
        String raisedHash = hashIn(raised.header("Location"));
        String tenantFail = finops.as().formParam("csrf", finops.csrf).post(PAGE + "/versions/" + raisedHash + "/publish").then().statusCode(422).extract().asString();
        assertTrue(tenantFail.contains("tenant: 5500 is a large request"), tenantFail);

        assertEquals(303, finops.as().formParam("csrf", finops.csrf).formParam("scenarios", "[]").post(PAGE + "/scenarios").statusCode());
        Response published = finops.as().formParam("csrf", finops.csrf).post(PAGE + "/versions/" + raisedHash + "/publish");
        assertEquals(303, published.statusCode(), published.body().asString());
        assertEquals(raisedHash, active(t));
        String evaluated = given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType("application/json")
                .body("{\"resourceClass\":\"standard\",\"environment\":\"prod\",\"amount\":5500,\"budgetRemaining\":100000,\"forecastOverrunPct\":0,\"owner\":\"web\"}")
                .post("/api/v1/decisions/spend-policy/evaluate").then().statusCode(200).extract().path("versionHash");
        assertEquals(raisedHash, evaluated, "the next evaluation names the published version");
        String detail = finops.as().get(PAGE + "?done=published&hash=" + raisedHash).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("Published " + raisedHash.substring(0, 12)) && detail.contains("<td>publish</td>"), detail);
        assertTrue(detail.contains("Last published by"), detail);

        Response retired = finops.as().formParam("csrf", finops.csrf).post(PAGE + "/versions/" + badHash + "/retire");
        assertEquals(303, retired.statusCode());
        String after = finops.as().get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(after.contains("data-hash=\"" + badHash + "\" data-status=\"retired\""), after);
    }

    @Test
    void anotherTenantsVersionsAreNotFound() {
        ConsoleBrowser a = ConsoleBrowser.signIn("studio-iso-a", "finops_admin");
        String page = a.as().get(PAGE + "/tables").then().statusCode(200).extract().asString();
        String hash = hashIn(postTable(a, page, rowIndex(page, "sp10"), ">= 6100").header("Location"));
        ConsoleBrowser b = ConsoleBrowser.signIn("studio-iso-b", "finops_admin");
        for (String path : List.of(PAGE + "/tables?version=" + hash, PAGE + "/edit?version=" + hash, PAGE + "/edit/content?version=" + hash,
                PAGE + "/tables/export.csv?decision=policy&version=" + hash)) {
            Response r = b.as().get(path);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().asString().contains("6100"), path);
        }
        b.as().formParam("csrf", b.csrf).post(PAGE + "/versions/" + hash + "/publish").then().statusCode(404);
        assertFalse(b.as().get(PAGE).then().statusCode(200).extract().asString().contains(hash), "B's timeline has none of A's drafts");
        b.as().get("/console/studio/rule-sets/no-such-set").then().statusCode(404);
        assertEquals(2, versions("studio-iso-a"));
        assertEquals(1, versions("studio-iso-b"));
    }

    @Test
    void theDrlEditorShowsTheCompilersMessagesAtTheirLine() {
        String t = "studio-drl";
        ConsoleBrowser finops = ConsoleBrowser.signIn(t, "finops_admin");
        String path = "/console/studio/rule-sets/waste-rightsizing";
        String editor = finops.as().get(path + "/edit").then().statusCode(200).extract().asString();
        assertTrue(editor.contains("id=\"drl-text\"") && editor.contains("studio-drl.js"), editor);
        String drl = finops.as().get(path + "/edit/content").then().statusCode(200).extract().asString();
        String broken = drl.replaceFirst("\\bthen\\b", "thn");
        int line = broken.substring(0, broken.indexOf("thn")).split("\n", -1).length;
        int before = versions(t, "waste-rightsizing");
        String refused = finops.as().formParam("csrf", finops.csrf).formParam("content", broken).post(path + "/edit").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("nothing was stored"), refused);
        Matcher m = Pattern.compile("class=\"inline-message\" data-line=\"(\\d+)\"").matcher(refused);
        assertTrue(m.find(), refused);
        int reported = Integer.parseInt(m.group(1));
        assertTrue(Math.abs(reported - line) <= 3, "the message sits near the broken line " + line + ", got " + reported);
        assertTrue(refused.contains("<tr class=\"has-message\" id=\"L" + reported + "\">"), refused);
        assertEquals(before, versions(t, "waste-rightsizing"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String active(String tenant) {
        return given().header("Authorization", bearer(tenant, "reader", "auditor")).get("/api/v1/rulesets/spend-policy")
                .then().statusCode(200).extract().path("ruleSet.activeHash");
    }

    private static int versions(String tenant) {
        return versions(tenant, "spend-policy");
    }

    private static int versions(String tenant, String set) {
        return given().header("Authorization", bearer(tenant, "reader", "auditor")).get("/api/v1/rulesets/" + set + "/versions")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static int rowIndex(String page, String ruleId) {
        Matcher m = Pattern.compile("name=\"id\\.(\\d+)\" value=\"" + Pattern.quote(ruleId) + "\"").matcher(page);
        assertTrue(m.find(), ruleId + " in the form");
        return Integer.parseInt(m.group(1));
    }

    /** The page's form for table policy sent back as a browser would, with the amount cell (column 2) of one row changed. */
    private static Response postTable(ConsoleBrowser b, String page, int row, String amount) {
        return postTableOutput(b, page, row, 2, amount);
    }

    private static Response postTableOutput(ConsoleBrowser b, String page, int row, int column, String value) {
        var req = b.as().formParam("csrf", b.csrf);
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(version|decision|rows)\" value=\"([^\"]*)\">").matcher(page);
        while (hidden.find()) req = req.formParam(hidden.group(1), hidden.group(2));
        req = req.formParam("hitPolicy", "FIRST");
        Matcher inputs = Pattern.compile("<input name=\"((?:id|c|desc)\\.[0-9.]+)\" value=\"([^\"]*)\"").matcher(page);
        String target = "c." + row + "." + column;
        while (inputs.find()) {
            String v = inputs.group(1).equals(target) ? value : unescape(inputs.group(2));
            req = req.formParam(inputs.group(1), v);
        }
        return req.post(PAGE + "/tables");
    }

    private static String importFile(ConsoleBrowser b, String version, String name, byte[] bytes) {
        Response r = importResponse(b, version, name, bytes);
        assertEquals(303, r.statusCode(), r.body().asString());
        return hashIn(r.header("Location"));
    }

    private static Response importResponse(ConsoleBrowser b, String version, String name, byte[] bytes) {
        return b.as().multiPart("csrf", b.csrf).multiPart("version", version).multiPart("decision", "policy")
                .multiPart("file", name, bytes, name.endsWith(".csv") ? "text/csv" : XlsxWriter.MEDIA_TYPE).post(PAGE + "/tables/import");
    }

    private static String hashIn(String location) {
        Matcher m = Pattern.compile("hash=([0-9a-f]{64})").matcher(location == null ? "" : location);
        assertTrue(m.find(), "a redirect naming the saved hash: " + location);
        return m.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&#39;", "'").replace("&amp;", "&");
    }
}
