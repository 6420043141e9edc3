/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation end to end over REST: a FOCUS ledger loaded through the real ingestion path (two accounts, three
 * services; one account also delivered by a second source), an invoice summary with 0.5 % more on one service of one
 * account, and a run for the period. Under the final period's to-the-cent tolerance the run breaches, names that
 * service first, writes the alert event and opens FinOps triage; a preliminary run of the same data passes (1 %).
 */
@QuarkusTest
class ReconciliationApiTest {

    static final String A = "111111111111";
    static final String B = "222222222222";
    static final LocalDate AUGUST = LocalDate.of(2024, 8, 1);

    @Inject
    AgroalDataSource dataSource;

    /** The daily amounts of {@link #ledger}: EC2 100, S3 40, Lambda 10 (USD). */
    static final Map<String, String> DAILY = new java.util.TreeMap<>(Map.of("AmazonEC2", "100.00", "AmazonS3", "40.00", "AWSLambda", "10.00"));

    /** One FOCUS row per day, account and service for August 2024 at {@link #DAILY}, invoiced. */
    static String ledger(List<String> accounts) {
        return focus(accounts, DAILY);
    }

    /** One FOCUS row per day, account and service (service → daily USD amount) for August 2024, invoiced. */
    static String focus(List<String> accounts, Map<String, String> daily) {
        StringBuilder sb = new StringBuilder("BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
                + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
                + "ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,InvoiceId,InvoiceIssuerName,ListCost,PricingCategory,PricingQuantity,"
                + "PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ServiceCategory,ServiceName,SubAccountId,"
                + "SubAccountName,Tags\n");
        for (String account : accounts) {
            for (int i = 0; i < 31; i++) {
                LocalDate d = AUGUST.plusDays(i);
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(daily).entrySet()) {
                    String service = e.getKey();
                    String cost = e.getValue();
                    sb.append(cost).append(',').append(account).append(",Acme,USD,2024-09-01T00:00:00Z,2024-08-01T00:00:00Z,Usage,,")
                            .append(service).append(" usage,Usage-Based,").append(d.plusDays(1)).append("T00:00:00Z,").append(d)
                            .append("T00:00:00Z,1,Hours,").append(cost).append(',').append(cost).append(",INV-").append(account, 0, 1)
                            .append(",AWS,").append(cost).append(",Standard,1,Hours,AWS,AWS,us-east-1,US East,res-").append(service)
                            .append(",Compute,").append(service).append(',').append(account).append(",Acme,\n");
                }
            }
        }
        return sb.toString();
    }

    /**
     * The same charges as {@link #focus} in AWS CUR 2.0 columns (payer = billing account, product code = service
     * name, bill_invoice_id set: the month is final at AWS).
     */
    static String cur(List<String> accounts, Map<String, String> daily) {
        StringBuilder sb = new StringBuilder("identity_line_item_id,bill_invoice_id,bill_payer_account_id,bill_billing_period_start_date,"
                + "bill_billing_period_end_date,line_item_usage_account_id,line_item_line_item_type,line_item_usage_start_date,"
                + "line_item_usage_end_date,line_item_product_code,line_item_resource_id,line_item_usage_amount,line_item_currency_code,"
                + "line_item_unblended_cost,pricing_unit\n");
        int n = 0;
        for (String account : accounts) {
            for (int i = 0; i < 31; i++) {
                LocalDate d = AUGUST.plusDays(i);
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(daily).entrySet()) {
                    sb.append("li-").append(n++).append(",INV-").append(account, 0, 1).append(',').append(account)
                            .append(",2024-08-01T00:00:00.000Z,2024-09-01T00:00:00.000Z,").append(account).append(",Usage,")
                            .append(d).append("T00:00:00.000Z,").append(d.plusDays(1)).append("T00:00:00.000Z,").append(e.getKey())
                            .append(",res-").append(e.getKey()).append(",1,USD,").append(e.getValue()).append(",Hrs\n");
                }
            }
        }
        return sb.toString();
    }

    static String invoiceCsv(String s3OfB, String currency, String period) {
        return "invoice_id,billing_account_id,billing_period,service,amount,currency\n"
                + "INV-1," + A + "," + period + ",AmazonEC2,3100.00," + currency + "\n"
                + "INV-1," + A + "," + period + ",AmazonS3,1240.00," + currency + "\n"
                + "INV-1," + A + "," + period + ",AWSLambda,310.00," + currency + "\n"
                + "INV-2," + B + "," + period + ",AmazonEC2,3100.00," + currency + "\n"
                + "INV-2," + B + "," + period + ",AmazonS3," + s3OfB + "," + currency + "\n"
                + "INV-2," + B + "," + period + ",AWSLambda,310.00," + currency + "\n";
    }

    static void ingest(String tenant, String connection, String csv) throws InterruptedException {
        ingest(tenant, "focus", connection, csv);
    }

    static void ingest(String tenant, String kind, String connection, String csv) throws InterruptedException {
        String auth = bearer(tenant, "fo", "finops_admin");
        String id = given().header("Authorization", auth).multiPart("source", kind).multiPart("connection", connection)
                .multiPart("file", connection + ".csv", csv.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status, given().header("Authorization", auth).get("/api/v1/ingestions/" + id).asString());
    }

    static io.restassured.response.ValidatableResponse uploadInvoice(String tenant, String name, String body) {
        return given().header("Authorization", bearer(tenant, "fin", "finance"))
                .multiPart("file", name, body.getBytes(), "text/csv").post("/api/v1/invoices").then();
    }

    static JsonPath awaitRun(String tenant, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonPath run = decimals(given().header("Authorization", bearer(tenant, "aud", "auditor")).get("/api/v1/reconciliations/" + id)
                    .then().statusCode(200).extract().asString());
            if (!"running".equals(run.getString("status"))) return run;
            Thread.sleep(100);
        }
        throw new AssertionError("reconciliation run " + id + " still running");
    }

    /** Money read back as written: RestAssured would otherwise turn 1246.20 into a float. */
    static JsonPath decimals(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private long count(String tenant, String sql, Object... args) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void halfAPercentOnOneServiceIsFoundNamedFirstAndAlerts() throws Exception {
        String t = "recon-main";
        ingest(t, "aws-cur", "cur-export", cur(List.of(A, B), DAILY));
        ingest(t, "focus-export", ledger(List.of(A)));
        String doc = uploadInvoice(t, "invoice-2024-08.csv", invoiceCsv("1246.20", "USD", "2024-08")).statusCode(201)
                .body("period", equalTo("2024-08")).body("currency", equalTo("USD")).body("lineCount", equalTo(6))
                .extract().path("id");

        var started = given().header("Authorization", bearer(t, "fin", "finance")).contentType(ContentType.JSON)
                .body(Map.of("period", "2024-08")).post("/api/v1/reconciliations").then().statusCode(202)
                .body("status", equalTo("running")).body("period", equalTo("2024-08")).extract();
        String runId = started.path("id");
        assertTrue(started.header("Location").endsWith("/api/v1/reconciliations/" + runId));

        JsonPath run = awaitRun(t, runId);
        assertEquals("breached", run.getString("status"), run.prettify());
        assertEquals("FINAL", run.getString("periodState"), "every ledger row carries an invoice id");
        assertEquals(run.getInt("progress.checksTotal"), run.getInt("progress.checksDone"));
        List<Map<String, Object>> checks = run.getList("result.checks");
        // A: completeness, two ledger-vs-invoice (the CUR, its FOCUS export), source-vs-source; B: completeness, ledger-vs-invoice.
        assertEquals(6, checks.size(), run.prettify());
        assertEquals(2 * checks.size(), run.getList("decisionIds").size(), "both decisions of every check are on the run");

        Map<String, Object> bInvoice = only(checks, "ledger-vs-invoice", B);
        assertEquals(true, bInvoice.get("breach"));
        assertEquals("high", bInvoice.get("severity"));
        assertEquals("RT-02", bInvoice.get("toleranceRuleId"));
        assertEquals("ledger:cur-export", bInvoice.get("reference"));
        assertEquals("invoice:" + doc, bInvoice.get("observed"));
        assertMoney("6.20", bInvoice.get("difference"));
        List<Map<String, Object>> impacted = cast(bInvoice.get("impactedServices"));
        assertEquals(1, impacted.size(), "only the altered service differs: " + impacted);
        assertEquals("AmazonS3", impacted.get(0).get("service"));
        assertEquals(B, impacted.get(0).get("account"));
        assertMoney("1", impacted.get(0).get("rank"));
        assertMoney("1240.00", impacted.get(0).get("reference"));
        assertMoney("1246.20", impacted.get(0).get("observed"));
        assertMoney("100", impacted.get(0).get("sharePercent"));
        List<Map<String, Object>> invoiceTotals = cast(bInvoice.get("invoiceTotals"));
        assertEquals(List.of("INV-2"), invoiceTotals.stream().map(x -> x.get("invoiceId")).toList(),
                "the ledger's invoice id for B is INV-2 and so is the invoice's: " + invoiceTotals);
        assertMoney("4650.00", invoiceTotals.get(0).get("ledger"));
        assertMoney("4656.20", invoiceTotals.get(0).get("invoice"));
        assertEquals("HIGH", ((Map<?, ?>) bInvoice.get("confidence")).get("level"));

        for (Map<String, Object> k : checks) {
            if (k != bInvoice) assertEquals(false, k.get("breach"), "only B's invoice check breaches: " + k);
        }
        Map<String, Object> sources = only(checks, "source-vs-source", A);
        assertEquals("ledger:cur-export", sources.get("reference"));
        assertEquals("ledger:focus-export", sources.get("observed"));
        assertEquals("kinds:aws-cur/focus", sources.get("pairing"));
        assertMoney("0", sources.get("difference"));
        Map<String, Object> completeness = only(checks, "completeness", A);
        List<Map<String, Object>> perSource = cast(completeness.get("completeness"));
        assertEquals(2, perSource.size());
        assertTrue(perSource.stream().allMatch(s -> Boolean.TRUE.equals(s.get("recencyMet")) && ((List<?>) s.get("missingDays")).isEmpty()));

        assertEquals("breached", run.getString("result.summary.status"));
        assertEquals(1, run.getInt("result.summary.breaches"));
        assertEquals("high", run.getString("result.summary.worstSeverity"));

        // The alert went through the outbox, with the run as subject and the altered service named.
        assertNotNull(run.getString("eventId"));
        assertEquals(1, count(t, "SELECT count(*) FROM outlay.action_event WHERE kind = 'reconciliation_breach' AND subject_id = ? "
                + "AND payload->>'topService' = 'AmazonS3' AND payload->>'topServiceAccount' = ?", runId, B));
        assertEquals(1, count(t, "SELECT count(*) FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id "
                + "WHERE e.subject_id = ? AND d.target = 'ops'", runId), "NR-05 routes it to operations");
        // FinOps triage: the policy-violation process with finops_admin as owner group.
        String violation = run.getString("violationId");
        assertNotNull(violation);
        given().header("Authorization", bearer(t, "fo", "finops_admin")).get("/api/v1/violations/" + violation).then().statusCode(200)
                .body("owner", equalTo("finops_admin")).body("resourceClass", equalTo("reconciliation"))
                .body("policyReason", containsString("AmazonS3"));
        // Polled: tests compress the triage SLA to seconds, so on a loaded box the task may be moving to its escalated twin.
        List<Map<String, Object>> inbox = List.of();
        for (int i = 0; i < 300 && inbox.stream().noneMatch(task -> violation.equals(task.get("subjectId"))); i++) {
            if (i > 0) Thread.sleep(100);
            inbox = given().header("Authorization", bearer(t, "fo", "finops_admin")).get("/api/v1/inbox")
                    .then().statusCode(200).extract().jsonPath().getList("$");
        }
        assertTrue(inbox.stream().anyMatch(task -> violation.equals(task.get("subjectId"))), "FinOps has the triage task: " + inbox);

        // The same result as CSV, the altered service on the breached check's row.
        String csv = given().header("Authorization", bearer(t, "lead", "leadership")).get("/api/v1/reconciliations/" + runId + "?format=csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith(ReconciliationCsv.HEADER), csv);
        assertTrue(csv.contains(",ledger-vs-invoice," + B + ",USD,ledger:cur-export,invoice:" + doc + ",4650.00,4656.20,6.20,"), csv);
        assertTrue(csv.contains(",1," + B + ",AmazonS3,1240.00,1246.20,6.20,"), csv);

        // Listed for the period; and the same data under the preliminary tolerance (1 %) passes without an alert.
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/reconciliations?period=2024-08").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(runId));
        JsonPath prelim = given().header("Authorization", bearer(t, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("period", "2024-08", "periodState", "PRELIMINARY")).post("/api/v1/reconciliations?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("passed", prelim.getString("status"), prelim.prettify());
        assertEquals(null, prelim.getString("eventId"));
        assertEquals(1, count(t, "SELECT count(*) FROM outlay.action_event WHERE kind = 'reconciliation_breach'"));

        // A second tenant sees none of it.
        String other = "recon-other";
        given().header("Authorization", bearer(other, "aud", "auditor")).get("/api/v1/reconciliations").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", bearer(other, "aud", "auditor")).get("/api/v1/reconciliations/" + runId).then().statusCode(404);
        given().header("Authorization", bearer(other, "aud", "auditor")).get("/api/v1/invoices").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", bearer(other, "aud", "auditor")).get("/api/v1/invoices/" + doc).then().statusCode(404);
        assertEquals(0, count(other, "SELECT count(*) FROM outlay.reconciliation_run"));
        assertEquals(0, count(other, "SELECT count(*) FROM outlay.invoice_line"));
    }

    /**
     * Which sources are compared: C has two CURs of different services (they add up) and a FOCUS export of all of it;
     * D a CUR and its FOCUS export with 0.5 % more S3; E two CURs that are copies of one bill (0.5 % apart), compared
     * only once the tenant declares them a pair, and a late credit on its own (a one-off, not a daily feed).
     */
    @Test
    void onlySourcesCoveringTheSameChargesAreCompared() throws Exception {
        String t = "recon-pairs";
        String c = "333333333333";
        String d = "444444444444";
        String e = "555555555555";
        Map<String, String> compute = Map.of("AmazonEC2", "100.00", "AmazonS3", "40.00");
        Map<String, String> lambda = Map.of("AWSLambda", "10.00");
        ingest(t, "aws-cur", "cur-main", cur(List.of(c, d), compute));
        ingest(t, "aws-cur", "cur-lambda", cur(List.of(c), lambda));
        ingest(t, "focus-c", focus(List.of(c), DAILY));
        ingest(t, "focus-d", focus(List.of(d), Map.of("AmazonEC2", "100.00", "AmazonS3", "40.20")));
        ingest(t, "aws-cur", "cur-legacy", cur(List.of(e), Map.of("AmazonEC2", "100.00")));
        ingest(t, "aws-cur", "cur-2", cur(List.of(e), Map.of("AmazonEC2", "100.50")));
        // A late credit delivered on its own: one row, no usage. It adds to E's CURs and owes no daily rows.
        ingest(t, "aws-cur", "cur-credits", "bill_invoice_id,bill_payer_account_id,bill_billing_period_start_date,bill_billing_period_end_date,"
                + "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_unblended_cost,"
                + "line_item_currency_code\nINV-5," + e + ",2024-08-01T00:00:00.000Z,2024-09-01T00:00:00.000Z,Credit,2024-08-01T00:00:00.000Z,"
                + "2024-09-01T00:00:00.000Z,AmazonEC2,-25.00,USD\n");

        List<Map<String, Object>> checks = run(t);
        List<Map<String, Object>> pairs = checks.stream().filter(k -> "source-vs-source".equals(k.get("kind"))).toList();
        assertEquals(2, pairs.size(), "C: the CURs added up against the FOCUS export; D: CUR against FOCUS; none for E: " + pairs);
        Map<String, Object> onC = only(checks, "source-vs-source", c);
        assertEquals("ledger:cur-lambda+cur-main", onC.get("reference"));
        assertEquals("ledger:focus-c", onC.get("observed"));
        assertEquals("kinds:aws-cur/focus", onC.get("pairing"));
        assertMoney("4650.00", onC.get("referenceTotal")); // 31 days × (100 + 40 from cur-main, 10 from cur-lambda)
        assertMoney("0", onC.get("difference"));
        assertEquals(false, onC.get("breach"), "two CURs that add up are no breach");

        Map<String, Object> onD = only(checks, "source-vs-source", d);
        assertEquals("ledger:cur-main", onD.get("reference"));
        assertEquals("ledger:focus-d", onD.get("observed"));
        assertEquals(true, onD.get("breach"), onD.toString());
        assertMoney("6.20", onD.get("difference"));
        assertMoney("0.1429", onD.get("differencePercent")); // 6.20 of 4340.00; S3 alone is 0.5 % off
        List<Map<String, Object>> impacted = cast(onD.get("impactedServices"));
        assertEquals("AmazonS3", impacted.get(0).get("service"), "the disagreeing service is named first: " + impacted);
        assertMoney("1240.00", impacted.get(0).get("reference"));
        assertMoney("1246.20", impacted.get(0).get("observed"));
        assertEquals(1, checks.stream().filter(k -> Boolean.TRUE.equals(k.get("breach"))).count(), "only D breaches: " + checks);
        List<Map<String, Object>> eSources = cast(only(checks, "completeness", e).get("completeness"));
        Map<String, Object> credits = eSources.stream().filter(x -> "cur-credits".equals(x.get("source"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) credits.get("expectedDays")).intValue(), "a one-off delivery is complete with any row: " + eSources);

        // Bad declarations are refused whole and change nothing; engineering may not declare.
        String fo = bearer(t, "fo", "finops_admin");
        given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("pairs", List.of(Map.of("reference", "cur-legacy", "observed", "cur-legacy"),
                        Map.of("reference", "cur-legacy", "observed", "cur-2"), Map.of("reference", "cur-2", "observed", "cur-legacy"),
                        Map.of("reference", " ", "observed", "x"))))
                .put("/api/v1/reconciliations/source-pairs").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("pairs[0].observed", "pairs[2]", "pairs[3].reference"));
        given().header("Authorization", fo).contentType(ContentType.JSON).body("{}").put("/api/v1/reconciliations/source-pairs")
                .then().statusCode(400).body("errors[0].field", equalTo("pairs"));
        given().header("Authorization", bearer(t, "eng", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("pairs", List.of())).put("/api/v1/reconciliations/source-pairs").then().statusCode(403);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/reconciliations/source-pairs").then().statusCode(200)
                .body("size()", equalTo(0));
        assertEquals(0, count(t, "SELECT count(*) FROM outlay.audit_entry WHERE action = 'reconciliation.source-pairs'"));

        // Declared copies are compared; a source named in a declaration is compared only as declared.
        given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("pairs", List.of(Map.of("reference", "cur-legacy", "observed", "cur-2", "note", "CUR 2.0 replaces the legacy CUR"))))
                .put("/api/v1/reconciliations/source-pairs").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].reference", equalTo("cur-legacy")).body("[0].createdBy", equalTo("fo"));
        assertEquals(1, count(t, "SELECT count(*) FROM outlay.audit_entry WHERE action = 'reconciliation.source-pairs'"));
        List<Map<String, Object>> declared = run(t);
        Map<String, Object> onE = only(declared, "source-vs-source", e);
        assertEquals("declared", onE.get("pairing"));
        assertEquals("ledger:cur-legacy", onE.get("reference"));
        assertEquals("ledger:cur-2", onE.get("observed"));
        assertEquals(true, onE.get("breach"));
        assertMoney("15.50", onE.get("difference"));
        assertEquals(only(checks, "source-vs-source", c).get("difference").toString(), only(declared, "source-vs-source", c).get("difference").toString());

        // Another tenant sees no declaration.
        given().header("Authorization", bearer("recon-pairs-other", "aud", "auditor")).get("/api/v1/reconciliations/source-pairs")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    private static List<Map<String, Object>> run(String tenant) {
        JsonPath run = decimals(given().header("Authorization", bearer(tenant, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("period", "2024-08")).post("/api/v1/reconciliations?wait=true").then().statusCode(200).extract().asString());
        assertEquals("FINAL", run.getString("periodState"), run.prettify());
        return run.getList("result.checks");
    }

    @Test
    void anInvoiceInAnotherCurrencyOrPeriodIsRefusedNamingBothAndNothingIsWritten() throws Exception {
        String t = "recon-mismatch";
        ingest(t, "cur-export", ledger(List.of(A, B)));

        uploadInvoice(t, "eur.csv", invoiceCsv("1240.00", "EUR", "2024-08")).statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("invoice currency EUR")).body("detail", containsString("billed in USD"))
                .body("errors[0].field", equalTo("currency"));
        uploadInvoice(t, "september.csv", invoiceCsv("1240.00", "USD", "2024-09")).statusCode(422)
                .body("detail", containsString("invoice period 2024-09")).body("detail", containsString("charges for 2024-08"))
                .body("errors[0].field", equalTo("billingPeriod"));
        uploadInvoice(t, "broken.csv", "billing_account_id,billing_period,service,amount,currency\n" + A + ",2024-08,AmazonEC2,NULL,USD\n")
                .statusCode(422).body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("amount"));
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/reconciliations/not-a-run?format=csv").then().statusCode(404);
        given().header("Authorization", bearer(t, "fin", "finance")).contentType(ContentType.JSON).body(Map.of("period", "2024-13"))
                .post("/api/v1/reconciliations").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().header("Authorization", bearer(t, "eng", "engineering")).multiPart("file", "x.csv", invoiceCsv("1", "USD", "2024-08").getBytes())
                .post("/api/v1/invoices").then().statusCode(403);

        assertEquals(0, count(t, "SELECT count(*) FROM outlay.invoice_document"));
        assertEquals(0, count(t, "SELECT count(*) FROM outlay.invoice_line"));
        assertEquals(0, count(t, "SELECT count(*) FROM outlay.audit_entry WHERE action = 'invoice.upload'"));
        assertFalse(count(t, "SELECT count(*) FROM outlay.reconciliation_run") > 0);
    }

    private static Map<String, Object> only(List<Map<String, Object>> checks, String kind, String account) {
        List<Map<String, Object>> found = checks.stream().filter(k -> kind.equals(k.get("kind")) && account.equals(k.get("billingAccountId"))
                && (!kind.equals("ledger-vs-invoice") || "ledger:cur-export".equals(k.get("reference")))).toList();
        assertEquals(1, found.size(), kind + " " + account + ": " + checks);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static void assertMoney(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), "expected " + expected + " but was " + actual);
    }
}
