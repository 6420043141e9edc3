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

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingestion pages: a dry run writes nothing, a load is followed to success, a bad file shows its line, retract. */
@QuarkusTest
class IngestionPagesTest {

    static final String T = "console-ingest";

    @Test
    void previewLoadFailureAndRetractGoThroughTheApisServices() throws Exception {
        ConsoleBrowser fo = ConsoleBrowser.signIn(T, "finops_admin");
        String auth = bearer(T, "fo", "finops_admin");
        String csv = ConsolePagesTest.todaysCosts();

        String preview = upload(fo, fo.csrf, "dry-run", csv).then().statusCode(200).extract().asString();
        assertTrue(preview.contains("<span class=\"value\" data-preview-rows>2</span>") && preview.contains("nothing was written"), preview);
        assertEquals(0, count(auth), "a dry run writes no manifest entry");
        upload(fo, "forged", "load", csv).then().statusCode(403);
        ConsoleBrowser fin = ConsoleBrowser.signIn(T, "finance");
        upload(fin, fin.csrf, "load", csv).then().statusCode(403);
        assertEquals(0, count(auth), "refused uploads write nothing");

        Response loaded = upload(fo, fo.csrf, "load", csv);
        assertEquals(303, loaded.statusCode(), loaded.body().asString());
        String page = loaded.header("Location");
        String id = page.substring(page.lastIndexOf('/') + 1);
        String done = follow(fo, page);
        assertTrue(done.contains("<strong data-status>succeeded</strong>") && done.contains("loaded <span data-counts-loaded>2</span>"), done);
        assertFalse(done.contains("http-equiv=\"refresh\""), "a finished load stops refreshing");
        assertTrue(fin.as().get("/console/ingestions").then().statusCode(200).extract().asString().contains("data-ingestion=\"" + id + "\""),
                "finance reads the history");

        // A malformed file: the load fails and its page names the line.
        String bad = csv + "not-a-number,acct-1,Acme,EUR\n";
        Response failed = upload(fo, fo.csrf, "load", bad);
        String failedPage = follow(fo, failed.header("Location"));
        assertTrue(failedPage.contains("<strong data-status>failed</strong>") && failedPage.contains("id=\"error\"") && failedPage.contains("line 4"), failedPage);

        // Retract needs a reason; then the rows leave the ledger.
        String noReason = fo.as().formParam("csrf", fo.csrf).formParam("reason", "").post(page + "/retract").then().statusCode(400).extract().asString();
        assertTrue(noReason.contains("id=\"refusal\"") && noReason.contains("field reason"), noReason);
        String retracted = fo.as().formParam("csrf", fo.csrf).formParam("reason", "wrong account").post(page + "/retract")
                .then().statusCode(200).extract().asString();
        assertTrue(retracted.contains("<strong data-status>retracted</strong>") && retracted.contains("wrong account"), retracted);
        assertEquals("retracted", given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().extract().path("status"));

        ConsoleBrowser.signIn("console-ingest-other", "finops_admin").as().get(page).then().statusCode(404);
        ConsoleBrowser.signIn(T, "approver").as().get("/console/ingestions").then().statusCode(403);
    }

    private static Response upload(ConsoleBrowser b, String csrf, String mode, String csv) {
        return b.as().multiPart("csrf", csrf).multiPart("source", "focus").multiPart("mode", mode)
                .multiPart("file", "today.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv").post("/console/ingestions");
    }

    private static String follow(ConsoleBrowser b, String page) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String html;
        do {
            Thread.sleep(200);
            html = b.as().get(page).then().statusCode(200).extract().asString();
        } while (html.contains("http-equiv=\"refresh\"") && System.currentTimeMillis() < deadline);
        return html;
    }

    private static int count(String auth) {
        return given().header("Authorization", auth).get("/api/v1/ingestions").then().statusCode(200).extract().jsonPath().getList("$").size();
    }
}
