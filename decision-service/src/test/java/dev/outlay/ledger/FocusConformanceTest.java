/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outlay.connections.ConnectionPoller;
import dev.outlay.connectors.azure.blob.AzureBlobLocation;
import dev.outlay.connectors.azure.blob.AzureExportFiles;
import dev.outlay.connectors.azure.blob.AzureExportRunWriter;
import dev.outlay.connectors.azure.blob.AzureExportSelection;
import dev.outlay.connectors.csv.CsvParser;
import dev.outlay.connectors.opencost.OpenCostAllocation;
import dev.outlay.connectors.opencost.OpenCostChargeFile;
import dev.outlay.connectors.stripe.StripeChargeFile;
import dev.outlay.connectors.stripe.StripeTransaction;
import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import dev.outlay.ingestion.AzureBlobIngest;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/exports/focus} against every MUST / MUST NOT rule of the FOCUS 1.2 requirements model
 * ({@link FocusRequirementsModel} interprets the model's machine forms), for a fixture of every source kind, each
 * loaded through its real pipeline into its own tenant: an AWS CUR 2.0 file, a FOCUS 1.2 file, Azure actual +
 * amortized export pairs (EA and MCA columns) and an Azure FOCUS export (export runs with manifests, loaded by the
 * blob connector's period loader), a GCP detailed export (the BigQuery client against WireMock, through a
 * gcp-bigquery connection), a SaaS invoice through an invoice template, and SaaS seat rows as the m365/salesforce
 * connections write them. A rule fails the test unless it is listed in {@link #EXCLUDED} with the reason.
 */
@QuarkusTest
class FocusConformanceTest {

    /**
     * Rules whose machine form a dataset cannot be judged by as written, each with the reason. Everything else
     * with a machine form is judged.
     */
    static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("CommitmentDiscountStatus-C-005-M", "machine form lists Active/Expired/Pending; the 1.2 text and the model's own "
                    + "ConsumedQuantity-C-004-C and DiscountHandling-A-018-C use Used/Unused"),
            Map.entry("InvoiceId-C-004-C", "machine form says InvoiceId is null on every row; the text: only when the charge has no "
                    + "invoice, which the dataset does not say"),
            Map.entry("InvoiceId-C-005-C", "machine form says InvoiceId is never null; the text: only when the charge has an invoice "
                    + "(the model's own OR of C-004/C-005 in InvoiceId-C-003-C is judged instead)"),
            Map.entry("CommitmentDiscountStatus-C-003-C", "text: null when CommitmentDiscountId is null; the machine form requires it "
                    + "NOT null on those rows (inverted)"),
            Map.entry("CommitmentDiscountStatus-C-004-C", "text: not null when CommitmentDiscountId is not null and ChargeCategory is "
                    + "Usage; the machine form's condition is CommitmentDiscountId IS NULL (inverted)"),
            Map.entry("ConsumedQuantity-C-006-C", "text: not null when ChargeClass is not Correction; the machine form's condition is "
                    + "ChargeClass = Correction (inverted)"),
            Map.entry("BilledCost-C-005-C", "text: 0 where a third party receives the payment (marketplace); the machine form reads every "
                    + "row whose ProviderName differs from InvoiceIssuerName as such, but sources name one company two ways "
                    + "(ProviderName AWS, InvoiceIssuerName Amazon Web Services, Inc.; the ledger keeps what the source said)"),
            Map.entry("EffectiveCost-C-005-C", "text: 0 for a purchase that covers future eligible charges (a commitment); the machine "
                    + "form requires 0 on every Purchase, e.g. a SaaS seat or marketplace plan, whose cost is effective in its "
                    + "own period (the test checks one-time commitment purchases for it itself)"),
            Map.entry("PricingCurrencyEffectiveCost-C-004-M", "text: PricingCurrencyEffectiveCost is a valid decimal; the machine form "
                    + "checks PricingCurrencyListUnitPrice >= 0 (a copy of another rule)"));

    /** What Outlay's export declares about the providers behind it (the model's ApplicabilityCriteria). */
    static final Set<String> DECLARED = Set.of("ACCOUNT_NAMING_SUPPORTED", "AVAILABILITY_ZONE_SUPPORTED", "COMMITMENT_DISCOUNT_SUPPORTED",
            "MULTIPLE_PRICING_CATEGORIES_SUPPORTED", "NEGOTIATED_PRICING_SUPPORTED", "PUBLIC_PRICE_LIST_SUPPORTED",
            "USAGE_MEASUREMENT_SUPPORTED", "UNIT_PRICING_SUPPORTED", "SUB_ACCOUNT_SUPPORTED",
            "BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED", "RESOURCE_TYPE_ASSIGNMENT_SUPPORTED", "REGION_SUPPORTED",
            "TAGGING_SUPPORTED");
    // Not declared, so their conditional columns are not exported: CAPACITY_RESERVATION_SUPPORTED (no source maps
    // capacity reservations yet), MULTIPLE_SUB_ACCOUNT_TYPES_SUPPORTED / MULTIPLE_BILLING_ACCOUNT_TYPES_SUPPORTED
    // (the ledger keeps no account types), PRICING_BILLING_CURRENCY_DIFFERENCES_SUPPORTED and VIRTUAL_CURRENCY_SUPPORTED
    // (the ledger keeps billing currency only).

    static final String GCP_PROJECT = "billing-reader";
    static final String GCP_TABLE = "gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9";
    static WireMockServer bigQuery;

    static final FocusRequirementsModel MODEL = FocusRequirementsModel.load();

    @Inject
    AzureBlobIngest azure;

    @Inject
    ConnectionPoller poller;

    @Inject
    dev.outlay.tenancy.TenantRegistry tenants;

    @BeforeAll
    static void startBigQuery() throws Exception {
        bigQuery = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        bigQuery.start();
        bigQuery.stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + GCP_PROJECT + "/queries")).withRequestBody(containing("202501"))
                .willReturn(okJson(text("/gcp/query-page1.json"))));
        com.fasterxml.jackson.databind.node.ObjectNode empty = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(text("/gcp/query-page1.json"));
        empty.remove("rows");
        empty.remove("pageToken");
        empty.put("totalRows", "0");
        bigQuery.stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + GCP_PROJECT + "/queries")).withRequestBody(containing("202502"))
                .willReturn(okJson(empty.toString())));
        bigQuery.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + GCP_PROJECT + "/jobs/job_gcp_fixture_1")).willReturn(okJson(text("/gcp/job.json"))));
        bigQuery.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + GCP_PROJECT + "/datasets/_anon_fixture/tables/anon_result/data"))
                .withQueryParam("pageToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PAGE-2")).willReturn(okJson(text("/gcp/tabledata-page2.json"))));
    }

    @AfterAll
    static void stopBigQuery() {
        if (bigQuery != null) bigQuery.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-cur", "focus", "azure-ea-pair", "azure-mca-pair", "azure-focus", "gcp-billing", "invoice-csv", "saas-seats",
            "salesforce-seats", "stripe", "opencost", "internal-charge"})
    void exportOfEverySourceKindPassesEveryMustRule(String kind) throws Exception {
        String tenant = "focus-conf-" + kind;
        YearMonth period = load(kind, tenant);
        FocusRequirementsModel.Dataset data = export(tenant, period);
        assertFalse(data.rows().isEmpty(), kind + ": nothing exported for " + period);
        Map<String, FocusRequirementsModel.Outcome> outcomes = MODEL.evaluate(data, DECLARED, EXCLUDED);
        Map<String, String> failed = new TreeMap<>();
        outcomes.values().stream().filter(o -> o.status() == FocusRequirementsModel.Status.FAIL)
                .forEach(o -> failed.put(o.ruleId(), MODEL.text(o.ruleId()) + " -> " + o.detail()));
        assertEquals(Map.of(), failed, kind + ": MUST rules failed:\n" + failed.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        // The evaluator judged something of substance: the mandatory columns' rules ran and passed.
        long passed = outcomes.values().stream().filter(o -> o.status() == FocusRequirementsModel.Status.PASS).count();
        assertTrue(passed > 150, kind + ": only " + passed + " rules passed");
        assertEquals(FocusRequirementsModel.Status.PASS, outcomes.get("CostAndUsage-D-000-M").status(), kind);
        // EffectiveCost-C-005-C as its text says it: a purchase of a commitment that covers future charges (a one-time,
        // upfront purchase) is amortized onto the usage it covers, so its own effective cost is 0.
        for (Map<String, String> r : data.rows()) {
            if ("Purchase".equals(r.get("ChargeCategory")) && r.get("CommitmentDiscountId") != null && "One-Time".equals(r.get("ChargeFrequency"))
                    && !"Correction".equals(r.get("ChargeClass"))) {
                assertEquals(0, new BigDecimal(r.get("EffectiveCost")).signum(), kind + ": commitment purchase with effective cost: " + r);
            }
        }
        // RegionName-C-005-C from the region catalogue: no row names its region by the bare id where the catalogue knows it.
        for (Map<String, String> r : data.rows()) {
            if (r.get("RegionId") == null) continue;
            dev.outlay.ledger.RegionCatalogue.get().name(r.get("ProviderName"), r.get("RegionId"))
                    .ifPresent(name -> assertTrue(r.get("RegionName").equals(name) || !r.get("RegionName").equals(r.get("RegionId")), kind + ": " + r));
        }
    }

    private YearMonth load(String kind, String tenant) throws Exception {
        switch (kind) {
            case "aws-cur" -> {
                awaitDone(tenant, upload(tenant, "aws-cur", "cur2.csv", fixture("aws/cur2-every-line-item-type.csv"), null))
                        .body("status", equalTo("succeeded"));
                return YearMonth.of(2024, 10);
            }
            case "focus" -> {
                awaitDone(tenant, upload(tenant, "focus", "f12.csv", fixture("focus/focus-1.2-every-charge-kind.csv"), null))
                        .body("status", equalTo("succeeded"));
                return YearMonth.of(2024, 10);
            }
            case "invoice-csv" -> {
                awaitDone(tenant, upload(tenant, "invoice-csv", "saas.csv", fixture("invoice/saas-invoice.csv"),
                        new String(fixture("invoice/saas-mapping.json"), StandardCharsets.UTF_8))).body("status", equalTo("succeeded"));
                return YearMonth.of(2024, 10);
            }
            case "saas-seats" -> {
                // The file the m365 and salesforce connections write for a month, loaded as they load it (FOCUS).
                YearMonth month = YearMonth.of(2024, 10);
                SeatChargeFile.Result m365 = SeatChargeFile.write(new SeatAccount("m365", "Microsoft", "contoso.example", "Contoso", "Microsoft 365"),
                        month, List.of(new SeatSubscription("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Microsoft 365 E3", 25, 21, 18L,
                                new TreeMap<>(Map.of("Sales", 12L, "Engineering", 7L)))),
                        sku -> Optional.of(new SeatPrice(new BigDecimal("432.00"), "EUR", "year", "Seats", "E3-annual")));
                awaitDone(tenant, upload(tenant, "focus", "m365.csv", m365.csv(), null)).body("status", equalTo("succeeded"));
                return month;
            }
            case "salesforce-seats" -> {
                // Salesforce licences as its connection writes them: a per-seat monthly price, no departments known.
                YearMonth month = YearMonth.of(2024, 10);
                SeatChargeFile.Result sf = SeatChargeFile.write(new SeatAccount("salesforce", "Salesforce", "00D5g000004XyZa", "Acme", "Salesforce"),
                        month, List.of(new SeatSubscription("Salesforce", "100000000000001", "Salesforce (Sales Cloud)", 40, 33, null,
                                new TreeMap<>())),
                        sku -> Optional.of(new SeatPrice(new BigDecimal("150.00"), "USD", "month", "Seats", "SF-enterprise")));
                awaitDone(tenant, upload(tenant, "focus", "salesforce.csv", sf.csv(), null)).body("status", equalTo("succeeded"));
                return month;
            }
            case "stripe" -> {
                // Stripe's fees to the account, as its connection writes them from balance transactions: a card charge
                // with processing and tax-on-fee lines, and a Billing fee charged to the account itself.
                YearMonth month = YearMonth.of(2026, 11);
                List<StripeTransaction> txns = List.of(
                        new StripeTransaction("txn_conf_1", "charge", Instant.parse("2026-11-03T10:15:00Z"), "usd", 12000, 398,
                                List.of(new StripeTransaction.Fee("stripe_fee", 378, "usd", "Stripe processing fees"),
                                        new StripeTransaction.Fee("tax", 20, "usd", "Tax on fees")), "Order 1001"),
                        new StripeTransaction("txn_conf_2", "stripe_fee", Instant.parse("2026-11-30T23:00:00Z"), "usd", -1500, 0,
                                List.of(), "Billing - Usage Fee (2026-11)"));
                StripeChargeFile.Result file = StripeChargeFile.write("acct_1Conformance", "Acme payments", month, txns);
                awaitDone(tenant, upload(tenant, "focus", "stripe.csv", file.csv(), null)).body("status", equalTo("succeeded"));
                return month;
            }
            case "opencost" -> {
                // Kubernetes namespace costs as the OpenCost connection writes them (an allocation view, netting to 0).
                YearMonth month = YearMonth.of(2026, 11);
                List<OpenCostAllocation> allocations = List.of(
                        new OpenCostAllocation(java.time.LocalDate.of(2026, 11, 2), "checkout/deployment/api", "checkout", "deployment", "api",
                                Map.of("team", "payments"), Map.of("cpuCost", new BigDecimal("4.125"), "ramCost", new BigDecimal("1.5"),
                                        "pvCost", new BigDecimal("0.25"))),
                        new OpenCostAllocation(java.time.LocalDate.of(2026, 11, 2), "__idle__", "__idle__", null, null,
                                Map.of(), Map.of("cpuCost", new BigDecimal("2.0"))));
                OpenCostChargeFile.Result file = OpenCostChargeFile.write("123456789012", "prod-eu", "USD", month, allocations);
                awaitDone(tenant, upload(tenant, "focus", "opencost.csv", file.csv(), null)).body("status", equalTo("succeeded"));
                return month;
            }
            case "internal-charge" -> {
                // Private infrastructure through the invoice template for internal charges (docs/examples' data centre).
                String id = given().header("Authorization", bearer(tenant, tenant + "-admin", "finops_admin"))
                        .multiPart("source", "invoice-csv").multiPart("template", "internal-charge").multiPart("connection", "dc-fra1")
                        .multiPart("file", "internal.csv", fixture("invoice/internal-charges-datacentre.csv"), "text/csv")
                        .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
                awaitDone(tenant, id).body("status", equalTo("succeeded"));
                return YearMonth.of(2026, 11);
            }
            case "azure-ea-pair", "azure-mca-pair" -> {
                String dialect = kind.equals("azure-ea-pair") ? "ea" : "mca";
                AzureExportFiles files = new AzureExportFiles(new AzureBlobLocation("contoso", URI.create("https://contoso.blob.core.windows.net"),
                        "msexports", "billing"));
                YearMonth month = YearMonth.of(2024, 9);
                AzureExportRunWriter.write(files, "acme-amortized", "AmortizedCost", month, "202410011200", "8611537",
                        List.of(text("/fixtures/azure/" + dialect + "-amortized.csv")));
                AzureExportRunWriter.write(files, "acme-actual", "ActualCost", month, "202410011200", "8611537",
                        List.of(text("/fixtures/azure/" + dialect + "-actual.csv")));
                assertEquals("succeeded", azureLoad(tenant, files, AzureExportSelection.pair("acme-actual", "acme-amortized"), month));
                return month;
            }
            case "azure-focus" -> {
                AzureExportFiles files = new AzureExportFiles(new AzureBlobLocation("contoso", URI.create("https://contoso.blob.core.windows.net"),
                        "msexports", ""));
                YearMonth month = YearMonth.of(2024, 9);
                AzureExportRunWriter.write(files, "acme-focus", "FocusCost", month, "202410011200", "8611537",
                        List.of(text("/fixtures/azure/focus-cost.csv")));
                assertEquals("succeeded", azureLoad(tenant, files, AzureExportSelection.focus("acme-focus"), month));
                return month;
            }
            case "gcp-billing" -> {
                String id = given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                        .body(Map.of("name", "acme-gcp", "kind", "gcp-bigquery", "config", Map.of("projectId", GCP_PROJECT, "dataset", "billing_export",
                                "table", GCP_TABLE, "endpoint", bigQuery.baseUrl())))
                        .post("/api/v1/connections").then().statusCode(201).extract().path("id");
                // The poll covers January (the fixture's invoice month) and February (no rows yet).
                List<ConnectionPoller.PollResult> results = poller.pollTenant(tenant, YearMonth.of(2025, 2), Instant.now());
                ConnectionPoller.PollResult r = results.stream().filter(p -> p.connection().toString().equals(id)).findFirst().orElseThrow();
                assertTrue(r.periods().get(0).startsWith("2025-01: succeeded"), r.periods().toString());
                return YearMonth.of(2025, 1);
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private String azureLoad(String tenant, AzureExportFiles files, AzureExportSelection selection, YearMonth month) {
        tenants.ensure(tenant, tenant, false);
        Ingestion i = TenantContext.runAs(TenantContext.system(tenant),
                () -> azure.ingestPeriod("acme-azure", files, selection, month, false).orElseThrow());
        return awaitDone(tenant, i.id().toString()).extract().path("status");
    }

    private static FocusRequirementsModel.Dataset export(String tenant, YearMonth period) throws Exception {
        String csv = given().header("Authorization", bearer(tenant, "fin", "finance")).when().get("/api/v1/exports/focus?billingPeriod=" + period)
                .then().statusCode(200).extract().asString();
        CsvParser p = new CsvParser(new StringReader(csv), ',', "export.csv");
        List<String> header = List.of(p.next());
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] r; (r = p.next()) != null; ) {
            assertEquals(header.size(), r.length, "row width at line " + p.recordLine());
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < r.length; i++) m.put(header.get(i), r[i].isEmpty() ? null : r[i]);
            rows.add(m);
        }
        return new FocusRequirementsModel.Dataset(header, rows);
    }

    static String text(String resource) {
        try (var in = FocusConformanceTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
