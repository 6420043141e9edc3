/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.findings.FindingDetection;
import dev.outlay.findings.FindingLifecycleTest;
import dev.outlay.findings.FindingStatus;
import dev.outlay.findings.FindingStore;
import dev.outlay.findings.SavingsRange;
import dev.outlay.money.MinorUnits;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings queue and page: the API's list, owner-scoped the same way; a finding's savings, decision and history;
 * its transitions with CSRF, the API's refusals shown next to the fields, and other teams and tenants seeing nothing.
 */
@QuarkusTest
class FindingPagesTest {

    static final String T = "console-findings";
    static final String OTHER = "console-findings-other";

    @Inject
    FindingStore store;

    @Inject
    TenantRegistry tenants;

    private static final Pattern ROW = Pattern.compile("data-finding=\"([^\"]+)\"");

    static TreeSet<String> ids(String html) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static TreeSet<String> apiIds(String auth, String query) {
        List<String> l = given().header("Authorization", auth).get("/api/v1/findings" + query).then().statusCode(200).extract().jsonPath().getList("id");
        return new TreeSet<>(l);
    }

    /** The summary's open totals per currency, rounded as the page rounds them. */
    static Map<String, String> openExpected(String auth) {
        String body = given().header("Authorization", auth).get("/api/v1/findings/summary?status=open").then().statusCode(200).extract().asString();
        JsonPath p = JsonPath.with(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, Object> t : p.<Map<String, Object>>getList("totals")) {
            out.put((String) t.get("currency"), MinorUnits.cell((BigDecimal) t.get("expected"), (String) t.get("currency")));
        }
        return out;
    }

    @Test
    void theQueueIsTheApisListAndTheOwnerActsWithTheApisRules() {
        tenants.ensure(T, T, false);
        String web = "vol-web-" + UUID.randomUUID();
        FindingDetection a = FindingLifecycleTest.detection(web, "waste.ebs.unattached", "web", "low", "DELETE", "dev",
                List.of(new SavingsRange(new BigDecimal("10.005"), new BigDecimal("12.345"), new BigDecimal("20"), "USD")));
        FindingDetection b = FindingLifecycleTest.detection("eip-ml-" + UUID.randomUUID(), "waste.eip.idle", "ml", "low", "DELETE", "dev",
                List.of(new SavingsRange(BigDecimal.ONE, new BigDecimal("3"), new BigDecimal("3.5"), "USD")));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantContext.runAs(TenantContext.system(T), () -> {
            store.insert(a, FindingStatus.OPEN, now, null);
            store.insert(b, FindingStatus.OPEN, now, null);
        });
        String fo = bearer(T, "fo", "finops_admin");
        String eliToken = bearer(T, "eli.web-engineer", "engineering", "web");

        // The web engineer sees the web team's findings and no other, exactly the API's list for the same groups.
        ConsoleBrowser eli = ConsoleBrowser.signInAs(T, "eli.web-engineer");
        String queue = eli.as().get("/console/findings").then().statusCode(200).extract().asString();
        assertEquals(apiIds(eliToken, ""), ids(queue));
        assertTrue(ids(queue).contains(a.id()) && !ids(queue).contains(b.id()), queue);
        ConsoleBrowser finops = ConsoleBrowser.signIn(T, "finops_admin");
        String all = finops.as().get("/console/findings").then().statusCode(200).extract().asString();
        assertEquals(apiIds(fo, ""), ids(all));
        assertTrue(ids(all).contains(b.id()));
        String filtered = finops.as().queryParam("detector", "waste.eip.idle").queryParam("owner", "ml").queryParam("minSavings", "2.5")
                .get("/console/findings").then().statusCode(200).extract().asString();
        assertEquals(apiIds(fo, "?detector=waste.eip.idle&owner=ml&minSavings=2.5"), ids(filtered));
        assertTrue(ids(filtered).contains(b.id()) && !ids(filtered).contains(a.id()));
        String bad = finops.as().queryParam("minSavings", "lots").get("/console/findings").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("minSavings is a decimal amount") && bad.contains("field minSavings"), bad);

        // The home pages: the web team's open savings, and leadership's total, each equal to the API's summary.
        String eliHome = eli.as().get("/console").then().statusCode(200).extract().asString();
        for (Map.Entry<String, String> e : openExpected(eliToken).entrySet()) {
            assertTrue(eliHome.contains("data-kpi=\"team-savings-" + e.getKey() + "\"") && eliHome.contains(e.getValue() + " " + e.getKey() + "</a> a month expected"), eliHome);
        }
        String leadHome = ConsoleBrowser.signIn(T, "leadership").as().get("/console").then().statusCode(200).extract().asString();
        Map<String, String> total = openExpected(fo);
        assertFalse(total.isEmpty());
        for (Map.Entry<String, String> e : total.entrySet()) {
            assertTrue(leadHome.contains("data-kpi=\"open-savings-" + e.getKey() + "\">" + e.getValue() + " " + e.getKey() + " expected"), leadHome);
        }

        // One finding: savings rounded HALF_EVEN with their basis, owner, decision, and no history yet.
        String page = eli.as().get("/console/findings/" + a.id()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<tr data-saving=\"USD\"><td>USD</td><td class=\"num\">10.00</td><td class=\"num\">12.34</td><td class=\"num\">20.00</td></tr>"), page);
        assertTrue(page.contains("<td data-owner>web (from tag)</td>") && page.contains("decision " + a.decisionId()), page);
        assertTrue(page.contains("&quot;state&quot; : &quot;available&quot;"), "the evidence, indented and escaped");
        assertTrue(page.contains("No status changes since it was detected."));
        eli.as().get("/console/findings/" + b.id()).then().statusCode(404);

        // A waiver without a reason and with a past date: the API's 422, each fault next to its field, nothing changed.
        String past = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String refused = eli.as().formParam("csrf", eli.csrf).formParam("until", past).post("/console/findings/" + a.id() + "/waive")
                .then().statusCode(422).extract().asString();
        assertTrue(refused.contains("id=\"refusal\"") && refused.contains("The waiver is not valid"), refused);
        assertTrue(refused.contains("<span class=\"fault\" id=\"fault-reason\">field reason: required") && refused.contains("id=\"fault-until\">field until: must be after today"), refused);
        eli.as().formParam("csrf", "forged").formParam("reason", "x").post("/console/findings/" + a.id() + "/accept").then().statusCode(403);
        assertEquals("open", given().header("Authorization", fo).get("/api/v1/findings/" + a.id()).then().extract().path("finding.status"));

        // Accept, then a transition the status does not allow is the API's 409 on the page; then a valid waiver.
        String accepted = eli.as().formParam("csrf", eli.csrf).formParam("reason", "we will clean it up").post("/console/findings/" + a.id() + "/accept")
                .then().statusCode(200).extract().asString();
        assertTrue(accepted.contains("<td data-status>accepted</td>") && accepted.contains("<td>open</td><td>accepted</td><td>we will clean it up</td>"), accepted);
        String conflict = eli.as().formParam("csrf", eli.csrf).post("/console/findings/" + a.id() + "/verify").then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("is accepted: cannot verify"), conflict);
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        eli.as().formParam("csrf", eli.csrf).formParam("reason", "kept for the audit").formParam("until", until)
                .post("/console/findings/" + a.id() + "/waive").then().statusCode(200);
        Map<String, Object> api = given().header("Authorization", fo).get("/api/v1/findings/" + a.id()).then().statusCode(200).extract().path("finding");
        assertEquals("waived", api.get("status"));
        assertEquals(until, api.get("waivedUntil"));
        assertEquals(List.of("accepted", "waived"), given().header("Authorization", fo).get("/api/v1/findings/" + a.id()).then().extract().path("events.to"));

        // The auditor reads without acting; finance and approvers have no finding pages; another tenant sees nothing.
        ConsoleBrowser aud = ConsoleBrowser.signInAs(T, "ada.auditor");
        String audPage = aud.as().get("/console/findings/" + a.id()).then().statusCode(200).extract().asString();
        assertFalse(audPage.contains("action=\"/console/findings/" + a.id() + "/"), "no forms for the auditor");
        aud.as().formParam("csrf", aud.csrf).post("/console/findings/" + a.id() + "/reopen").then().statusCode(403);
        ConsoleBrowser.signIn(T, "finance").as().get("/console/findings").then().statusCode(403);
        ConsoleBrowser.signIn(T, "approver").as().get("/console/findings/" + a.id()).then().statusCode(403);
        ConsoleBrowser other = ConsoleBrowser.signIn(OTHER, "finops_admin");
        other.as().get("/console/findings/" + a.id()).then().statusCode(404);
        other.as().formParam("csrf", other.csrf).post("/console/findings/" + a.id() + "/reopen").then().statusCode(404);
        assertFalse(ids(other.as().get("/console/findings").then().statusCode(200).extract().asString()).contains(a.id()));
        given().redirects().follow(false).get("/console/findings").then().statusCode(303);
    }
}
