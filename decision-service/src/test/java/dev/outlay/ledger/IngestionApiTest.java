/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.outlay.ledger.LedgerTestSupport.assertMoney;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IngestionApiTest {

    @Inject
    AgroalDataSource ds;

    static final String CUR2 = "aws/cur2-every-line-item-type.csv";

    @Test
    void everySourceKindLoadsThroughTheApiWithTotalsToTheCent() {
        String t = "ledger-totals";
        String id = upload(t, "aws-cur", "cur2.csv.gz", gzip(fixture(CUR2)), null);
        awaitDone(t, id).body("status", equalTo("succeeded"))
                .body("schemaVersion", equalTo("aws-cur-2.0/1"))
                .body("counts.rowsLoaded", equalTo(19))
                .body("counts.rowsFlagged", equalTo(1))
                .body("flaggedRows.UNMAPPED_CHARGE_CATEGORY", equalTo(1))
                .body("billingPeriods", contains("2024-10", "2024-11"))
                .body("checksum", notNullValue());
        assertMoney("1522.9840789014", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
        assertMoney("105.2440789014", scalar(ds, t, "SELECT sum(effective_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
        assertMoney("1.1111111111", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-11-01'"));
        // The daily rollup agrees with the ledger to the last decimal.
        assertMoney("1524.0951900125", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily"));
        assertMoney("106.3551900125", scalar(ds, t, "SELECT sum(effective_cost) FROM outlay.ledger_daily"));
        // The scope's tag keys are recorded for allocation (the empty key marks the scope as indexed).
        assertMoney("6", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_tag_key WHERE source = 'aws-cur' AND billing_period = '2024-10-01' "
                + "AND tag_key IN ('', 'user_Team', 'user_application', 'user_team', 'user_environment', 'user_cost_center')"));
        assertMoney("1", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_tag_key WHERE billing_period = '2024-11-01' AND tag_key = 'aws_createdBy'"));

        awaitDone(t, upload(t, "aws-cur", "legacy.csv", fixture("aws/cur-legacy-bom-tags.csv"), null))
                .body("status", equalTo("succeeded")).body("schemaVersion", equalTo("aws-cur-legacy/1"));
        assertMoney("52.0845798901", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2023-11-01'"));
        assertMoney("11.9145798901", scalar(ds, t, "SELECT sum(effective_cost) FROM outlay.ledger_charge WHERE billing_period = '2023-11-01'"));

        awaitDone(t, upload(t, "focus", "focus.csv", fixture("focus/focus-1.0-quirks.csv"), null))
                .body("status", equalTo("succeeded")).body("flaggedRows.NON_ISO_TIMESTAMP", equalTo(4));
        assertMoney("13.60001685990", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'focus'"));

        loadsTheSaasInvoice(t, "invoice/saas-mapping.json");
    }

    @Test
    void anInvoiceMappingMayBeWrittenInYaml() {
        loadsTheSaasInvoice("ledger-yaml", "invoice/saas-mapping.yaml");
    }

    /** A semicolon-separated German invoice with day-first dates and "1.234,56" amounts, through the API. */
    @Test
    void anInvoiceInAnotherDialectLoadsToTheCent() {
        String t = "ledger-dialect";
        awaitDone(t, upload(t, "invoice-csv", "rechnung.csv", fixture("invoice/eu-invoice.csv"),
                new String(fixture("invoice/eu-invoice-mapping.yaml"), StandardCharsets.UTF_8)))
                .body("status", equalTo("succeeded")).body("schemaVersion", equalTo("invoice-csv/eu-saas-1"))
                .body("billingPeriods", contains("2024-10")).body("counts.rowsFlagged", equalTo(0));
        assertMoney("16299.12", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
        assertMoney("16299.12", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily"));
        assertMoney("-48.50", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billed_cost < 0"));
        // The same bytes read under a comma mapping fail naming the header, and change nothing.
        awaitDone(t, upload(t, "invoice-csv", "rechnung.csv", fixture("invoice/eu-invoice.csv"),
                new String(fixture("invoice/eu-invoice-mapping.yaml"), StandardCharsets.UTF_8).replace("delimiter: \";\"\n", "")))
                .body("status", equalTo("failed")).body("error.errors[0].line", equalTo(1))
                .body("error.detail", org.hamcrest.Matchers.containsString("wrong delimiter"));
        assertMoney("5", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
    }

    @Test
    void theManifestListFiltersByStatusAndSource() {
        String t = "ledger-list";
        awaitDone(t, upload(t, "focus", "focus.csv", fixture("focus/focus-1.0-quirks.csv"), null)).body("status", equalTo("succeeded"));
        awaitDone(t, upload(t, "invoice-csv", "bad.csv", "date,amount\n2024-10-01,12.5O\n".getBytes(StandardCharsets.UTF_8), null))
                .body("status", equalTo("failed"));
        var auditor = given().header("Authorization", bearer(t, "aud", "auditor"));
        auditor.when().get("/api/v1/ingestions").then().statusCode(200).body("size()", equalTo(2));
        given().header("Authorization", bearer(t, "aud", "auditor")).queryParam("status", "failed")
                .when().get("/api/v1/ingestions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].objectKey", equalTo("bad.csv"));
        given().header("Authorization", bearer(t, "aud", "auditor")).queryParam("source", "focus").queryParam("status", "succeeded")
                .when().get("/api/v1/ingestions").then().statusCode(200).body("size()", equalTo(1)).body("[0].source", equalTo("focus"));
        given().header("Authorization", bearer(t, "aud", "auditor")).queryParam("source", "focus").queryParam("status", "failed")
                .when().get("/api/v1/ingestions").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", bearer(t, "aud", "auditor")).queryParam("status", "broken")
                .when().get("/api/v1/ingestions").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private void loadsTheSaasInvoice(String t, String mapping) {
        awaitDone(t, upload(t, "invoice-csv", "saas.csv", fixture("invoice/saas-invoice.csv"), new String(fixture(mapping), StandardCharsets.UTF_8)))
                .body("status", equalTo("succeeded")).body("schemaVersion", equalTo("invoice-csv/2"));
        assertMoney("1962.8733", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'invoice-csv'"));
        assertMoney("2", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge WHERE source = 'invoice-csv' AND tags->>'team' = 'product' AND billed_cost > 0"));
    }

    @Test
    void theSameBytesAreADuplicateOnlyUnderTheSameMappingUnlessReplayed() {
        String t = "ledger-remap";
        byte[] invoice = fixture("invoice/saas-invoice.csv");
        String v2 = new String(fixture("invoice/saas-mapping.json"), StandardCharsets.UTF_8);
        awaitDone(t, upload(t, "invoice-csv", "saas.csv", invoice, v2)).body("status", equalTo("succeeded"));
        awaitDone(t, upload(t, "invoice-csv", "saas.csv", invoice, v2)).body("status", equalTo("duplicate"));

        // A corrected mapping (the goodwill credit is now booked as an Adjustment) re-maps the same file.
        String v3 = v2.replace("\"version\": \"2\"", "\"version\": \"3\"").replace("\"credit\": \"Credit\"", "\"credit\": \"Adjustment\"");
        awaitDone(t, upload(t, "invoice-csv", "saas.csv", invoice, v3)).body("status", equalTo("succeeded"))
                .body("schemaVersion", equalTo("invoice-csv/3")).body("counts.rowsReplaced", equalTo(6));
        assertMoney("6", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("1962.8733", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
        assertMoney("0", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge WHERE charge_category = 'Credit'"));

        // replay=true loads identical bytes under an identical mapping again, replacing its own earlier rows.
        String id = given().header("Authorization", bearer(t, t + "-admin", "finops_admin")).multiPart("source", "invoice-csv")
                .multiPart("file", "saas.csv", invoice, "text/csv").multiPart("mapping", v3).multiPart("replay", "true")
                .when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        awaitDone(t, id).body("status", equalTo("succeeded")).body("counts.rowsReplaced", equalTo(6));
        assertMoney("6", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        given().header("Authorization", bearer(t, t + "-admin", "finops_admin")).multiPart("source", "invoice-csv")
                .multiPart("file", "saas.csv", invoice, "text/csv").multiPart("replay", "yes")
                .when().post("/api/v1/ingestions").then().statusCode(400).body("errors[0].field", equalTo("replay"));
    }

    @Test
    void parquetExportsLoadThroughTheApiWithTheSameTotalsAsTheirCsv() {
        String t = "ledger-parquet";
        awaitDone(t, upload(t, "aws-cur", "cur2.snappy.parquet", fixture("aws/cur2-every-line-item-type.snappy.parquet"), null))
                .body("status", equalTo("succeeded"))
                .body("schemaVersion", equalTo("aws-cur-2.0/1"))
                .body("counts.rowsLoaded", equalTo(19))
                .body("billingPeriods", contains("2024-10", "2024-11"));
        assertMoney("1522.9840789014", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
        assertMoney("105.2440789014", scalar(ds, t, "SELECT sum(effective_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
        assertMoney("1524.0951900125", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily WHERE source <> 'focus'"));

        awaitDone(t, upload(t, "focus", "focus.snappy.parquet", fixture("focus/focus-1.2-every-charge-kind.snappy.parquet"), null))
                .body("status", equalTo("succeeded")).body("schemaVersion", equalTo("focus-1.2/1")).body("counts.rowsLoaded", equalTo(8));
        assertMoney("14.96", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'focus'"));

        byte[] cut = java.util.Arrays.copyOf(fixture("aws/cur2-every-line-item-type.snappy.parquet"), 5000);
        awaitDone(t, upload(t, "aws-cur", "cut.parquet", cut, null)).body("status", equalTo("failed"))
                .body("error.detail", org.hamcrest.Matchers.containsString("Parquet"));
        assertMoney("1524.0951900125", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily WHERE source <> 'focus'"));
    }

    @Test
    void sameFileTwiceIsADuplicateAndChangesNothing() {
        String t = "ledger-dup";
        awaitDone(t, upload(t, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"));
        String second = upload(t, "aws-cur", "cur2-again.csv", fixture(CUR2), null);
        awaitDone(t, second).body("status", equalTo("duplicate")).body("duplicateOf", notNullValue());
        assertMoney("19", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("1524.0951900125", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
    }

    @Test
    void newerExportOfTheSamePeriodReplacesItAtomically() {
        String t = "ledger-replace";
        awaitDone(t, upload(t, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"));
        // AWS rewrites the period: one cost changes, the October rows are re-issued (November is not in the file).
        String newer = new String(fixture(CUR2), StandardCharsets.UTF_8).replace(",0.0960000000,$0.096 per On Demand", ",0.1960000000,$0.096 per On Demand");
        newer = String.join("\r\n", Arrays.stream(newer.split("\r\n")).filter(l -> !l.startsWith("li-nov-1")).toList()) + "\r\n";
        String id = upload(t, "aws-cur", "cur2-v2.csv", newer.getBytes(StandardCharsets.UTF_8), null);
        awaitDone(t, id).body("status", equalTo("succeeded")).body("counts.rowsReplaced", equalTo(18))
                .body("billingPeriods", contains("2024-10"));
        assertMoney("19", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("1523.0840789014", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
        assertMoney("1.1111111111", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE billing_period = '2024-11-01'"));
        assertMoney("1523.0840789014", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily WHERE billing_period = '2024-10-01'"));
        assertMoney("1", scalar(ds, t, "SELECT count(DISTINCT ingestion_id) FROM outlay.ledger_charge WHERE billing_period = '2024-10-01'"));
    }

    @Test
    void badFileFailsWithLineAndColumnAndLeavesTheLedgerAsItWas() {
        String t = "ledger-bad";
        awaitDone(t, upload(t, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"));
        String broken = new String(fixture(CUR2), StandardCharsets.UTF_8).replace(",12.3456789012,", ",12.34.56,");
        String id = upload(t, "aws-cur", "broken.csv", broken.getBytes(StandardCharsets.UTF_8), null);
        awaitDone(t, id).body("status", equalTo("failed"))
                .body("error.status", equalTo(422))
                .body("error.detail", startsWith("broken.csv, line 12, column 24"))
                .body("error.errors[0].line", equalTo(12))
                .body("error.errors[0].column", equalTo(24))
                .body("error.errors[0].field", equalTo("line_item_unblended_cost"))
                .body("counts.rowsLoaded", equalTo(0));
        assertMoney("19", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("1524.0951900125", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));

        byte[] gz = gzip(fixture(CUR2));
        awaitDone(t, upload(t, "aws-cur", "truncated.csv.gz", Arrays.copyOf(gz, gz.length / 2), null))
                .body("status", equalTo("failed")).body("error.detail", containsString("truncated"));
        assertMoney("19", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));

        // A NUL byte would otherwise only fail inside PostgreSQL, without line or column.
        String nul = new String(fixture(CUR2), StandardCharsets.UTF_8).replace("USD 0.0 hourly fee", "USD 0.0 hourly\u0000fee");
        awaitDone(t, upload(t, "aws-cur", "nul.csv", nul.getBytes(StandardCharsets.UTF_8), null)).body("status", equalTo("failed"))
                .body("error.errors[0].line", equalTo(4)).body("error.errors[0].column", equalTo(25))
                .body("error.detail", containsString("NUL character"));
        assertMoney("19", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        given().header("Authorization", bearer(t, "a", "auditor")).when().get("/api/v1/ingestions")
                .then().statusCode(200).body("", hasSize(4)).body("status", contains("failed", "failed", "failed", "succeeded"));
    }

    @Test
    void uploadValidationAnswersWithProblems() {
        String auth = bearer("ledger-val", "x", "finops_admin");
        given().header("Authorization", auth).multiPart("source", "gcp").multiPart("file", "f.csv", new byte[]{1})
                .when().post("/api/v1/ingestions").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("source"));
        given().header("Authorization", auth).multiPart("source", "invoice-csv").multiPart("file", "f.csv", new byte[]{1})
                .multiPart("mapping", "{\"provider\":\"x\",\"currency\":\"USD\",\"columns\":{\"billedCost\":\"a\"}}")
                .when().post("/api/v1/ingestions").then().statusCode(400).body("errors[0].field", equalTo("columns.chargePeriodStart"));
        given().header("Authorization", auth).multiPart("source", "invoice-csv").multiPart("file", "f.csv", new byte[]{1})
                .multiPart("mapping", "provider: x\ncolumns:\n  billedCost: a\n chargePeriodStart: d\n")
                .when().post("/api/v1/ingestions").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("mapping")).body("errors[0].message", containsString("line 4"));
        given().header("Authorization", auth).multiPart("source", "focus").multiPart("file", "big.csv", new byte[1_000_001])
                .when().post("/api/v1/ingestions").then().statusCode(413).contentType(startsWith("application/problem+json"));
        given().header("Authorization", bearer("ledger-val", "dev", "engineering")).multiPart("source", "focus")
                .multiPart("file", "f.csv", new byte[]{1}).when().post("/api/v1/ingestions").then().statusCode(403);
        given().header("Authorization", auth).when().get("/api/v1/ingestions/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anotherTenantSeesNoneOfTheLedger() {
        String a = "ledger-iso-a";
        String id = upload(a, "aws-cur", "cur2.csv", fixture(CUR2), null);
        awaitDone(a, id).body("status", equalTo("succeeded"));
        String b = "ledger-iso-b";
        given().header("Authorization", bearer(b, "b", "auditor")).when().get("/api/v1/ingestions/" + id).then().statusCode(404);
        given().header("Authorization", bearer(b, "b", "auditor")).when().get("/api/v1/ingestions").then().statusCode(200).body("", hasSize(0));
        assertMoney("0", scalar(ds, b, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("0", scalar(ds, b, "SELECT count(*) FROM outlay.ledger_daily"));
        // Partitions carry the policy too: naming one directly does not bypass it.
        assertMoney("0", scalar(ds, b, "SELECT count(*) FROM outlay.ledger_charge_y2024m10"));
        assertMoney("18", scalar(ds, a, "SELECT count(*) FROM outlay.ledger_charge_y2024m10"));
        // And B cannot write rows into A's ledger (WITH CHECK).
        assertEquals("new row violates row-level security policy for table \"ledger_charge\"", insertAs(b, a));
    }

    @Test
    void concurrentLoadsIntoANewBillingPeriodAllSucceed() {
        // Several workers may need the same new monthly partition at once (the demo seeding does exactly that).
        String t = "ledger-concurrent";
        String base = new String(fixture("focus/focus-1.2-every-charge-kind.csv"), StandardCharsets.UTF_8)
                .replace("2024-10-", "2031-03-").replace("2024-11-", "2031-04-").replace("2024-09-", "2031-02-");
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(given().header("Authorization", bearer(t, "a", "finops_admin")).multiPart("source", "focus")
                    .multiPart("connection", "focus-" + i).multiPart("file", "f" + i + ".csv", base.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id"));
        }
        for (String id : ids) awaitDone(t, id).body("status", equalTo("succeeded"));
        assertMoney("32", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge WHERE billing_period = '2031-03-01'"));
    }

    private String insertAs(String actingTenant, String victim) {
        return dev.outlay.tenancy.TenantContext.runAs(dev.outlay.tenancy.TenantContext.system(actingTenant), () -> {
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO outlay.ledger_charge (tenant_id, billing_period, source, ingestion_id, row_number, object_key, "
                        + "checksum, schema_version, provider_name, billing_account_id, billing_period_start, billing_period_end, "
                        + "charge_period_start, charge_period_end, charge_category, service_category, service_name, list_cost, "
                        + "contracted_cost, effective_cost, billed_cost, billing_currency) VALUES ('" + victim + "', '2024-10-01', 'x', "
                        + "gen_random_uuid(), 1, 'k', 'c', 'v', 'p', 'a', now(), now(), now(), now(), 'Usage', 'Other', 's', 1, 1, 1, 1, 'USD')");
                return "inserted";
            } catch (java.sql.SQLException e) {
                return e.getMessage().split("\n")[0].replace("ERROR: ", "");
            }
        });
    }

    static byte[] gzip(byte[] data) {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
