/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.money;

import dev.outlay.budgets.LedgerFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money keeps its currency end to end (issue 14): a ledger billed in USD and EUR is reported, allocated and
 * budgeted per currency; a spend request in another currency than its budget is refused or converted with the
 * tenant's rate set (and the conversion recorded); budget actuals that cannot be read stop the decision; CSV for
 * people rounds to each currency's minor unit while JSON stays exact.
 */
@QuarkusTest
class MoneyApiTest {

    static final String EUR_ROW = ",acct-1,Acme Cloud,Billing Profile,EUR,";

    static String fixture() throws IOException {
        try (InputStream in = MoneyApiTest.class.getResourceAsStream("/fixtures/allocation/focus-2024-10-owners.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The allocation fixture (EUR, acct-1) plus the same rows billed in USD on acct-2. */
    static String usdAndEur() throws IOException {
        String eur = fixture();
        String header = eur.substring(0, eur.indexOf('\n') + 1);
        String rows = eur.substring(header.length());
        return header + rows + (rows.endsWith("\n") ? "" : "\n") + rows.replace(EUR_ROW, ",acct-2,Acme Cloud,Billing Profile,USD,");
    }

    static void ingest(String tenant, String csv) throws InterruptedException {
        String auth = bearer(tenant, tenant + "-fo", "finops_admin");
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", "money.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status;
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        assertEquals("succeeded", status);
    }

    static JsonPath exact(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString());
    }

    static String uploadRates(String tenant, List<Map<String, Object>> rates, int status) {
        return given().header("Authorization", bearer(tenant, tenant + "-fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("note", "month-end rates", "rates", rates)).post("/api/v1/fx-rates")
                .then().statusCode(status).extract().path("versionHash");
    }

    @Test
    void aUsdAndEurLedgerIsReportedAllocatedAndConvertedPerCurrency() throws Exception {
        String t = "money-mixed";
        ingest(t, usdAndEur());
        String fo = bearer(t, "fo", "finops_admin");
        String runId = given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-10"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201).body("status", equalTo("succeeded")).extract().path("id");
        String reader = bearer(t, "fin", "finance");

        // Costs by owner: one row per team, month AND currency; totals per currency; never "mixed".
        JsonPath costs = exact(given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,month")
                .then().statusCode(200).extract().asString());
        List<Map<String, Object>> rows = costs.getList("rows");
        assertTrue(rows.stream().noneMatch(r -> "mixed".equals(r.get("currency"))), rows.toString());
        assertEquals(List.of("EUR", "USD"), costs.getList("totals.currency"));
        assertEquals(0, new BigDecimal("215.1834567890").compareTo(costs.getObject("totals[0].amount", BigDecimal.class)));
        assertEquals(0, new BigDecimal("215.1834567890").compareTo(costs.getObject("totals[1].amount", BigDecimal.class)));
        for (String c : List.of("EUR", "USD")) {
            Map<String, Object> payments = rows.stream().filter(r -> c.equals(r.get("currency"))
                    && "payments".equals(((Map<?, ?>) r.get("dimensions")).get("team"))).findFirst().orElseThrow(() -> new AssertionError(rows));
            assertEquals(0, new BigDecimal("150.6234567890").compareTo(dec(payments.get("amount"))), c + " payments: " + payments);
        }
        assertTrue(costs.get("reportingTotal") == null, "no converted total unless asked");

        // Allocation: lines, statement rows, totals and coverage per currency.
        JsonPath results = exact(given().header("Authorization", reader).get("/api/v1/allocations/runs/" + runId + "/results?groupBy=team")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("EUR", "USD"), results.getList("totals.currency"));
        assertEquals(List.of("EUR", "USD"), results.getList("run.currencies.currency"));
        List<Map<String, Object>> lines = results.getList("rows");
        assertTrue(lines.stream().allMatch(r -> List.of("EUR", "USD").contains(r.get("currency"))), lines.toString());
        assertEquals(lines.stream().filter(r -> r.get("currency").equals("EUR")).count(), lines.stream().filter(r -> r.get("currency").equals("USD")).count());
        assertEquals(0, new BigDecimal("215.1834567890").compareTo(results.getObject("totals[1].totalCost", BigDecimal.class)));
        String csv = given().header("Authorization", reader).get("/api/v1/allocations/runs/" + runId + "/results?groupBy=team&format=csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\nline,payments,EUR,150.62,0.00,150.62\r\n"), csv);
        assertTrue(csv.contains("\r\nline,payments,USD,150.62,0.00,150.62\r\n"), csv);
        assertTrue(csv.contains("\r\ntotal,,EUR,") && csv.contains("\r\ntotal,,USD,"), csv);
        given().header("Authorization", reader).get("/api/v1/allocations/coverage?from=2024-10&to=2024-10").then().statusCode(200)
                .body("currency", equalTo(List.of("EUR", "USD")));
        try (Connection c = superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE currency IS NULL), count(DISTINCT currency) FROM outlay.allocation_daily "
                     + "WHERE tenant_id = '" + t + "'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "every daily owner total has a currency");
            assertEquals(2, rs.getLong(2));
        }

        // A converted total only when asked, and only with a rate set; it names every rate and the set's version.
        given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,month&reportingCurrency=USD")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("reportingCurrency"));
        String version = uploadRates(t, List.of(
                Map.of("date", "2024-10-15", "base", "EUR", "quote", "USD", "rate", new BigDecimal("1.0842"))), 201);
        JsonPath converted = exact(given().header("Authorization", reader)
                .get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,month&reportingCurrency=USD")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("EUR", "USD"), converted.getList("totals.currency"), "per-currency totals stay");
        assertEquals("USD", converted.getString("reportingTotal.currency"));
        assertEquals(version, converted.getString("reportingTotal.rateVersion"));
        assertEquals("2024-10-15", converted.getString("reportingTotal.rates[0].rateDate"));
        Map<String, Object> eurPayments = converted.getMap("rows.find { it.currency == 'EUR' && it.dimensions.team == 'payments' }");
        Map<?, ?> conv = (Map<?, ?>) eurPayments.get("converted");
        assertEquals(0, new BigDecimal("1.0842").compareTo(dec(conv.get("rate"))));
        assertEquals("2024-10-15", conv.get("rateDate"));
        assertEquals(version, conv.get("rateVersion"));
        // 150.6234567890 × 1.0842 = 163.30595185063380 → HALF_EVEN at the source's 10 digits
        assertEquals(0, new BigDecimal("163.3059518506").compareTo(dec(conv.get("convertedAmount"))));
        BigDecimal sum = converted.getList("rows", Map.class).stream()
                .map(r -> r.get("converted") == null ? dec(r.get("amount")) : dec(((Map<?, ?>) r.get("converted")).get("convertedAmount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(converted.getObject("reportingTotal.amount", BigDecimal.class)));
        // a missing rate is refused, naming the pair and the date
        given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,month&reportingCurrency=JPY")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("JPY")).body("detail", containsString("2024-10-31"));
        JsonPath statement = exact(given().header("Authorization", reader)
                .get("/api/v1/allocations/runs/" + runId + "/results?groupBy=team&reportingCurrency=USD").then().statusCode(200).extract().asString());
        assertEquals(version, statement.getString("reportingTotal.rateVersion"));
        assertEquals("2024-10-15", statement.getString("rows.find { it.currency == 'EUR' }.converted.rateDate"));
    }

    @Test
    void aSpendRequestInAnotherCurrencyThanItsBudgetIsRefusedUntilARateSetConvertsIt() {
        String t = "money-budget";
        String fo = bearer(t, "fo", "finops_admin");
        String budget = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("name", "Payments", "scopeType", "team", "scopeValue", "payments", "period", "month", "amount", 100000, "currency", "USD"))
                .post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        Map<String, Object> eur = Map.of("budgetId", budget, "resourceClass", "standard", "environment", "dev", "amount", new BigDecimal("100.00"),
                "currency", "EUR", "description", "EUR ask on a USD budget");
        String platform = bearer(t, "pat", "platform");
        given().header("Authorization", platform).contentType(ContentType.JSON).body(eur).post("/api/v1/spend-requests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("USD")).body("detail", containsString("EUR")).body("errors[0].field", equalTo("currency"));
        given().header("Authorization", platform).contentType(ContentType.JSON).body(eur).post("/api/v1/policy/evaluate")
                .then().statusCode(422).body("detail", containsString("USD")).body("detail", containsString("EUR"));
        assertEquals(0, spendRequests(t), "a refused request records nothing");

        // Only FinOps administrators upload rates; everyone who reads costs reads them.
        given().header("Authorization", bearer(t, "eng", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("rates", List.of(Map.of("date", "2024-01-01", "base", "EUR", "quote", "USD", "rate", 1))))
                .post("/api/v1/fx-rates").then().statusCode(403);
        uploadRates(t, List.of(Map.of("date", "2024-01-01", "base", "EUR", "quote", "USD", "rate", 0)), 422);
        String today = LocalDate.now().minusDays(2).toString();
        List<Map<String, Object>> rates = List.of(Map.of("date", today, "base", "EUR", "quote", "USD", "rate", new BigDecimal("1.08420")));
        String version = uploadRates(t, rates, 201);
        assertEquals(version, uploadRates(t, List.of(Map.of("date", today, "base", "EUR", "quote", "USD", "rate", new BigDecimal("1.0842"))), 200),
                "the same rates are the same version, whatever trailing zeros");
        given().header("Authorization", bearer(t, "fin", "finance")).get("/api/v1/fx-rates").then().statusCode(200)
                .body("versionHash", equalTo(version)).body("active", equalTo(true)).body("rates[0].quote", equalTo("USD"));
        given().header("Authorization", bearer(t, "fin", "finance")).get("/api/v1/fx-rates/versions/" + version).then().statusCode(200);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/audit").then().statusCode(200)
                .body("action", hasItem("fx_rates.upload")).body("action", hasItem("fx_rates.activate"));

        JsonPath created = exact(given().header("Authorization", platform).contentType(ContentType.JSON).body(eur).post("/api/v1/spend-requests")
                .then().statusCode(201).extract().asString());
        assertEquals("EUR", created.getString("currency"));
        assertEquals("USD", created.getString("budgetCurrency"));
        assertEquals(0, new BigDecimal("1.0842").compareTo(created.getObject("conversion.rate", BigDecimal.class)));
        assertEquals(today, created.getString("conversion.rateDate"));
        assertEquals(version, created.getString("conversion.rateVersion"));
        assertEquals(0, new BigDecimal("108.42").compareTo(created.getObject("conversion.convertedAmount", BigDecimal.class)));
        String id = created.getString("id");
        JsonPath stored = exact(given().header("Authorization", platform).get("/api/v1/spend-requests/" + id).then().statusCode(200).extract().asString());
        assertEquals(version, stored.getString("conversion.rateVersion"), "the conversion is stored with the request");
        given().header("Authorization", platform).get("/api/v1/spend-requests/" + id + "/history").then().statusCode(200)
                .body("kind", hasItem("converted"));
        given().header("Authorization", platform).contentType(ContentType.JSON).body(eur).post("/api/v1/policy/evaluate").then().statusCode(200)
                .body("inputs.currency", equalTo("USD")).body("inputs.conversion.rateVersion", equalTo(version));
    }

    @Test
    void budgetActualsThatCannotBeReadStopTheDecisionAndRecordNothing() throws Exception {
        String t = "money-broken";
        LedgerFixture.dailySpend(t, "burn", 100, 10, "USD");
        String fo = bearer(t, "fo", "finops_admin");
        String budget = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("name", "Burn", "scopeType", "team", "scopeValue", "burn", "period", "month", "amount", 10, "currency", "USD"))
                .post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        Map<String, Object> ask = Map.of("budgetId", budget, "resourceClass", "standard", "environment", "dev", "amount", 5, "currency", "USD");
        // A real read failure for this tenant's session only: a restrictive policy whose check raises an error.
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE FUNCTION outlay.test_refuse_reads() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
                    BEGIN
                        IF current_setting('outlay.tenant_id', true) = 'money-broken' THEN
                            RAISE EXCEPTION 'test: actuals unreadable' USING ERRCODE = 'insufficient_privilege';
                        END IF;
                        RETURN true;
                    END $$""");
            st.execute("CREATE POLICY test_refuse_reads ON outlay.allocation_daily AS RESTRICTIVE FOR SELECT USING (outlay.test_refuse_reads())");
        }
        try {
            String platform = bearer(t, "pat", "platform");
            given().header("Authorization", platform).contentType(ContentType.JSON).body(ask).post("/api/v1/spend-requests")
                    .then().statusCode(503).contentType("application/problem+json").body("title", equalTo("Budget actuals unavailable"));
            given().header("Authorization", platform).contentType(ContentType.JSON).body(ask).post("/api/v1/policy/evaluate")
                    .then().statusCode(503).contentType("application/problem+json");
            given().header("Authorization", fo).get("/api/v1/budgets/" + budget + "/status").then().statusCode(503);
            assertEquals(0, spendRequests(t), "an undecided request is not recorded");
        } finally {
            try (Connection c = superuser(); Statement st = c.createStatement()) {
                st.execute("DROP POLICY test_refuse_reads ON outlay.allocation_daily");
                st.execute("DROP FUNCTION outlay.test_refuse_reads()");
            }
        }
        // Readable again: 100 a day against a budget of 10 is blocked, not allowed.
        given().header("Authorization", bearer(t, "pat", "platform")).contentType(ContentType.JSON).body(ask).post("/api/v1/spend-requests")
                .then().statusCode(422).body("title", equalTo("Blocked by spend policy"));
    }

    @Test
    void costCsvRoundsToEachCurrencysMinorUnitWhileJsonStaysExact() throws Exception {
        String t = "money-csv";
        String f = fixture();
        String header = f.substring(0, f.indexOf('\n') + 1);
        String template = f.substring(header.length()).lines().findFirst().orElseThrow();
        StringBuilder csv = new StringBuilder(header);
        String[][] rows = {{"JPY", "acct-jpy", "1234.5"}, {"USD", "acct-usd", "0.125"}, {"BHD", "acct-bhd", "12.3455"}};
        for (String[] r : rows) {
            csv.append(template.replace(EUR_ROW, "," + r[1] + ",Acme Cloud,Billing Profile," + r[0] + ",").replace("100.1234567890", r[2])).append('\n');
        }
        ingest(t, csv.toString());
        String reader = bearer(t, "fin", "finance");
        JsonPath json = exact(given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=billingAccount")
                .then().statusCode(200).extract().asString());
        assertEquals(0, new BigDecimal("1234.5").compareTo(json.getObject("totals.find { it.currency == 'JPY' }.amount", BigDecimal.class)));
        assertEquals(0, new BigDecimal("12.3455").compareTo(json.getObject("totals.find { it.currency == 'BHD' }.amount", BigDecimal.class)));
        String out = given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=billingAccount&format=csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(out.contains("line,acct-jpy,JPY,1234\r\n"), out);
        assertTrue(out.contains("line,acct-usd,USD,0.12\r\n"), out);
        assertTrue(out.contains("line,acct-bhd,BHD,12.346\r\n"), out);
        assertTrue(out.contains("total,,JPY,1234\r\n"), out);
        assertNotNull(out);
    }

    static Connection superuser() throws Exception {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("test.superuser-url", String.class));
    }

    static long spendRequests(String tenant) {
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outlay.spend_request WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
