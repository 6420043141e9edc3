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

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost explorer shows what GET /api/v1/costs gives, filters on a grouped value, and exports CSV and XLSX. */
@QuarkusTest
class CostExplorerPageTest {

    static final String T = "console-costs";

    @Test
    void pageCsvAndXlsxAgreeWithTheApiAndStayInTheirTenant() throws Exception {
        ConsolePagesTest.ingest(T, ConsolePagesTest.todaysCosts());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.withDayOfMonth(1).toString();
        String to = today.plusDays(1).toString();
        JsonPath api = JsonPath.from(given().header("Authorization", bearer(T, "fin", "finance")).queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", "billingAccount").get("/api/v1/costs").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, String> expected = new TreeMap<>();
        for (Map<String, Object> t : api.<Map<String, Object>>getList("totals")) {
            expected.put((String) t.get("currency"), new BigDecimal(t.get("amount").toString()).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        assertEquals(Map.of("EUR", "12.34", "USD", "7.50"), expected, "the fixture: 12.345 EUR rounds half-even to 12.34");

        ConsoleBrowser b = ConsoleBrowser.signIn(T, "finance");
        String html = b.as().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "billingAccount")
                .get("/console/costs").then().statusCode(200).extract().asString();
        expected.forEach((currency, amount) -> assertTrue(html.contains("data-total=\"" + currency + "\">" + amount + "<"), currency + " total in\n" + html));
        assertTrue(html.contains("<td>acct-1</td><td>EUR</td>") && html.contains("<td>acct-2</td><td>USD</td>"), html);

        // Filter on a grouped value: only acct-2's USD row and a USD total remain.
        String filtered = b.as().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "billingAccount")
                .queryParam("filterBy", "billingAccount").queryParam("filterValue", "acct-2").get("/console/costs").then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("data-total=\"USD\">7.50<"), filtered);
        assertFalse(filtered.contains("data-total=\"EUR\""), "EUR filtered out");

        String csv = b.as().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "billingAccount")
                .get("/console/costs.csv").then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
        assertTrue(csv.contains("line,acct-1,EUR,12.34\r\n") && csv.contains("total,,USD,7.50\r\n"), csv);

        byte[] xlsx = b.as().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "billingAccount")
                .get("/console/costs.xlsx").then().statusCode(200).contentType(XlsxWriter.MEDIA_TYPE).extract().asByteArray();
        Map<String, String> parts = unzip(xlsx);
        assertEquals(java.util.Set.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"),
                parts.keySet());
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<t>acct-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>EUR</t></is></c><c r=\"C2\"><v>12.34</v></c>"), sheet);
        byte[] again = b.as().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "billingAccount")
                .get("/console/costs.xlsx").then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(xlsx, again), "same report, same bytes");

        // An unknown dimension is the API's problem, shown on the page with a 400.
        String bad = b.as().queryParam("groupBy", "colour").get("/console/costs").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("unknown groupBy dimension") && bad.contains("role=\"alert\""), bad);

        // Another tenant's finance user sees none of it; no session is a redirect to sign-in; approvers have no cost pages.
        String other = ConsoleBrowser.signIn("console-costs-other", "finance").as().queryParam("from", from).queryParam("to", to)
                .get("/console/costs").then().statusCode(200).extract().asString();
        assertFalse(other.contains("data-total="), other);
        given().redirects().follow(false).get("/console/costs").then().statusCode(303);
        ConsoleBrowser.signIn(T, "approver").as().get("/console/costs").then().statusCode(403);
    }

    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
