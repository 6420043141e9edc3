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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code POST /api/v1/ingestions/dry-run}: what a load of this file would do, with nothing written — no ledger
 * row, no manifest entry — whether the file is good or bad.
 */
@QuarkusTest
class DryRunApiTest {

    static final String INVOICE = "invoice/eu-invoice.csv";

    @Inject
    AgroalDataSource ds;

    static String mapping() {
        return new String(fixture("invoice/eu-invoice-mapping.yaml"), StandardCharsets.UTF_8);
    }

    static RequestSpecification as(String tenant, String role) {
        return given().header("Authorization", bearer(tenant, tenant + "-" + role, role));
    }

    @Test
    void previewsWithoutWritingThenKnowsWhatALoadWouldReplace() {
        String t = "dryrun-a";
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "rechnungen")
                .multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv").multiPart("mapping", mapping()).multiPart("sample", "2")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("source", equalTo("rechnungen")).body("mapping", equalTo("upload"))
                .body("schemaVersion", equalTo("invoice-csv/eu-saas-1")).body("rowsRead", equalTo(5))
                .body("billingPeriods", contains("2024-10"))
                .body("totals", hasSize(1)).body("totals[0].currency", equalTo("EUR")).body("totals[0].rows", equalTo(5))
                .body("totals[0].billedCost", equalTo(16299.12f))
                .body("rowsFlagged", equalTo(0)).body("wouldReplaceRows", equalTo(0)).body("duplicateOf", nullValue())
                .body("sample", hasSize(2)).body("sample[0].BilledCost", equalTo(1234.56f))
                .body("sample[0].ChargeCategory", equalTo("Purchase")).body("sample[0].Tags.cost-center", equalTo("KST-100"))
                .body("sample[1].ChargeDescription", equalTo("Speicher \"Plus\""));
        assertMoney("0", scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("0", scalar(ds, t, "SELECT count(*) FROM outlay.ingestion"));

        // Loaded for real, the same file previews as a duplicate that would replace the 5 rows it wrote.
        String id = given().header("Authorization", bearer(t, t + "-admin", "finops_admin")).multiPart("source", "invoice-csv")
                .multiPart("connection", "rechnungen").multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv")
                .multiPart("mapping", mapping()).when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        awaitDone(t, id).body("status", equalTo("succeeded"));
        as(t, "admin").multiPart("source", "invoice-csv").multiPart("connection", "rechnungen")
                .multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv").multiPart("mapping", mapping())
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("duplicateOf", equalTo(id)).body("wouldReplaceRows", equalTo(5)).body("sample", hasSize(5))
                .body("replaces[0].billedCost", equalTo(16299.12f)).body("changes[0].billedCost", equalTo(0f))
                .body("changes[0].rows", equalTo(0));

        // A restated invoice (one line 100 EUR higher, one credit line dropped) shows its delta before it lands.
        String restated = new String(fixture(INVOICE), StandardCharsets.UTF_8).replace("1.234,56", "1.334,56")
                .replace("15.10.2024;RE-2024-0816;Collab Suite;Gutschrift Ausfall;;(45,50);Gutschrift;KST-100\n", "");
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "rechnungen")
                .multiPart("file", "rechnung-v2.csv", restated.getBytes(StandardCharsets.UTF_8), "text/csv").multiPart("mapping", mapping())
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("duplicateOf", nullValue()).body("totals[0].billedCost", equalTo(16444.62f))
                .body("changes", hasSize(1)).body("changes[0].billingPeriod", equalTo("2024-10"))
                .body("changes[0].currency", equalTo("EUR")).body("changes[0].rows", equalTo(-1))
                .body("changes[0].billedCost", equalTo(145.50f));
        assertMoney("16299.12", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));

        // A second tenant sees neither the first one's rows nor its ingestion.
        as("dryrun-b", "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "rechnungen")
                .multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv").multiPart("mapping", mapping())
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("duplicateOf", nullValue()).body("wouldReplaceRows", equalTo(0));
    }

    @Test
    void usesTheMappingStoredForTheSource() {
        String t = "dryrun-stored";
        as(t, "finops_admin").contentType("application/yaml").body(mapping().getBytes(StandardCharsets.UTF_8))
                .when().put("/api/v1/sources/vendor-eu/mapping").then().statusCode(200);
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "vendor-eu")
                .multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("mapping", equalTo("stored")).body("totals[0].billedCost", equalTo(16299.12f));
        // Another tenant's upload to a source of the same name does not get that mapping.
        as("dryrun-other", "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "vendor-eu")
                .multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(422)
                .body("detail", containsString("wrong delimiter"));
    }

    /** The bundled Azure EA mapping: listed, readable as YAML, usable by name, and storable for a source. */
    @Test
    void bundledMappingTemplates() {
        String t = "dryrun-templates";
        as(t, "auditor").when().get("/api/v1/mapping-templates").then().statusCode(200)
                .body("name", contains("azure-ea", "oci-cost", "internal-charge")).body("[0].version", equalTo("azure-ea-1"))
                .body("[0].description", containsString("Azure EA"));
        String yaml = as(t, "auditor").when().get("/api/v1/mapping-templates/azure-ea").then().statusCode(200)
                .contentType(startsWith("application/yaml")).body(containsString("dateFormat: M/d/yyyy")).extract().asString();
        as(t, "auditor").when().get("/api/v1/mapping-templates/sap").then().statusCode(404);

        byte[] azure = fixture("invoice/azure-ea-export.csv");
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("file", "azure.csv", azure, "text/csv")
                .multiPart("template", "azure-ea")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(200)
                .body("mapping", equalTo("template:azure-ea")).body("totals[0].currency", equalTo("CAD"))
                .body("totals[0].billedCost", equalTo(720.5543618572f));
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("file", "azure.csv", azure, "text/csv")
                .multiPart("template", "azure-ea").multiPart("mapping", mapping())
                .when().post("/api/v1/ingestions").then().statusCode(400).body("errors[0].field", equalTo("template"));
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("file", "azure.csv", azure, "text/csv")
                .multiPart("template", "sap")
                .when().post("/api/v1/ingestions").then().statusCode(400).body("errors[0].field", equalTo("template"));

        // Kept for a source, the template's mapping applies to that source's uploads.
        as(t, "finops_admin").contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().put("/api/v1/sources/azure-prod/mapping").then().statusCode(200);
        String id = as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("connection", "azure-prod")
                .multiPart("file", "azure.csv", azure, "text/csv")
                .when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        awaitDone(t, id).body("status", equalTo("succeeded")).body("schemaVersion", equalTo("invoice-csv/azure-ea-1"));
        assertMoney("720.5543618572", scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
    }

    @Test
    void aBadFileAnswers422WithItsPositionAndWritesNothing() {
        String t = "dryrun-bad";
        byte[] bad = new String(fixture(INVOICE), StandardCharsets.UTF_8).replace("3,00-", "3,OO-").getBytes(StandardCharsets.UTF_8);
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("file", "rechnung.csv", bad, "text/csv")
                .multiPart("mapping", mapping())
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].line", equalTo(5)).body("errors[0].column", equalTo(6))
                .body("errors[0].field", equalTo("Betrag (EUR)"));
        assertMoney("0", scalar(ds, t, "SELECT count(*) FROM outlay.ingestion"));
        as(t, "finops_admin").multiPart("source", "invoice-csv").multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv")
                .multiPart("mapping", mapping()).multiPart("sample", "101")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(400).body("errors[0].field", equalTo("sample"));
        as(t, "engineering").multiPart("source", "invoice-csv").multiPart("file", "rechnung.csv", fixture(INVOICE), "text/csv")
                .when().post("/api/v1/ingestions/dry-run").then().statusCode(403);
    }
}
