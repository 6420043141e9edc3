/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.csv.CsvParser;
import dev.outlay.model.Charge;
import dev.outlay.model.SourceKind;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FOCUS export against the MUST rules of the FOCUS 1.2 requirements model (FinOps Foundation validator
 * model-1.2.json), encoded here: column presence, types and formats, allowed values, (conditional)
 * nullability. Fixtures of every charge kind: all AWS line item types, FOCUS rows with commitments
 * (used/unused), purchase, tax, credit, adjustment and correction, and a SaaS invoice.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FocusExportTest {

    static final String T = "ledger-export";

    /** CostAndUsage-D-0xx-M: columns that MUST be present without applicability criteria. */
    static final List<String> MUST_PRESENT = List.of("BillingAccountName", "BilledCost", "ChargeCategory", "BillingPeriodStart",
            "BillingPeriodEnd", "PublisherName", "InvoiceIssuerName", "BillingAccountId", "ChargeDescription", "ChargeClass",
            "ChargePeriodEnd", "ContractedCost", "EffectiveCost", "ListCost", "BillingCurrency", "PricingQuantity",
            "ChargePeriodStart", "ProviderName", "ServiceCategory", "ServiceName", "PricingUnit");

    /** *-C-00x-M "MUST NOT be null" without conditions. */
    static final List<String> NOT_NULL = List.of("InvoiceIssuerName", "ProviderName", "BillingAccountId", "BillingPeriodStart",
            "BillingPeriodEnd", "ChargeCategory", "PublisherName", "ServiceCategory", "ChargePeriodStart", "ChargePeriodEnd",
            "ChargeFrequency", "ServiceName", "BillingCurrency", "EffectiveCost", "BilledCost", "ContractedCost", "ListCost");

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "ChargeCategory", Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment"),
            "ChargeClass", Set.of("Correction"),
            "ChargeFrequency", Set.of("One-Time", "Recurring", "Usage-Based"),
            "PricingCategory", Set.of("Standard", "Committed", "Dynamic", "Other"),
            "CommitmentDiscountCategory", Set.of("Spend", "Usage"),
            // The 1.2 spec's values; the validator model lists Active/Expired/Pending here, which contradicts its own
            // ConsumedQuantity-C-004-C ("CommitmentDiscountStatus is \"Unused\"").
            "CommitmentDiscountStatus", Set.of("Used", "Unused"),
            "ServiceCategory", Set.of("AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases",
                    "Developer Tools", "Multicloud", "Identity", "Integration", "Internet of Things", "Management and Governance",
                    "Media", "Migration", "Mobile", "Networking", "Security", "Storage", "Web", "Other"));

    static final List<String> DATETIME = List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd");
    static final List<String> DECIMAL = List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "ListUnitPrice",
            "ContractedUnitPrice", "PricingQuantity", "ConsumedQuantity");
    static final Pattern ISO_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    String csv;
    List<Map<String, String>> rows;
    List<String> header;

    /** Loaded once, on first use: in @BeforeAll RestAssured does not know the random test port yet. */
    @BeforeEach
    void load() throws Exception {
        if (rows != null) return;
        awaitDone(T, upload(T, "aws-cur", "cur2.csv", fixture("aws/cur2-every-line-item-type.csv"), null)).body("status", equalTo("succeeded"));
        awaitDone(T, upload(T, "focus", "f12.csv", fixture("focus/focus-1.2-every-charge-kind.csv"), null)).body("status", equalTo("succeeded"));
        awaitDone(T, upload(T, "invoice-csv", "saas.csv", fixture("invoice/saas-invoice.csv"),
                new String(fixture("invoice/saas-mapping.json"), StandardCharsets.UTF_8))).body("status", equalTo("succeeded"));
        csv = given().header("Authorization", bearer(T, "fin", "finance")).when().get("/api/v1/exports/focus?billingPeriod=2024-10")
                .then().statusCode(200).extract().asString();
        CsvParser p = new CsvParser(new StringReader(csv), ',', "export.csv");
        header = List.of(p.next());
        rows = new ArrayList<>();
        for (String[] r; (r = p.next()) != null; ) {
            assertEquals(header.size(), r.length, "row width at line " + p.recordLine());
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < r.length; i++) m.put(header.get(i), r[i].isEmpty() ? null : r[i]);
            rows.add(m);
        }
    }

    @Test
    void everyRowOfEveryKindIsExported() {
        assertEquals(18 + 8 + 6, rows.size());
        assertEquals(Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment"),
                Set.copyOf(rows.stream().map(r -> r.get("ChargeCategory")).toList()));
    }

    @Test
    void mandatoryColumnsArePresent() {
        for (String c : MUST_PRESENT) assertTrue(header.contains(c), c);
    }

    @Test
    void typesFormatsAndAllowedValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Map<String, String> r : rows) {
            for (String c : NOT_NULL) assertTrue(r.get(c) != null, c + " null in " + r);
            for (String c : DATETIME) assertTrue(ISO_UTC.matcher(r.get(c)).matches(), c + "=" + r.get(c));
            for (String c : DECIMAL) if (r.get(c) != null) assertTrue(NUMERIC.matcher(r.get(c)).matches(), c + "=" + r.get(c));
            assertTrue(CURRENCY.matcher(r.get("BillingCurrency")).matches());
            for (var e : ALLOWED.entrySet()) {
                String v = r.get(e.getKey());
                if (v != null) assertTrue(e.getValue().contains(v), e.getKey() + "=" + v);
            }
            if (r.get("Tags") != null) {
                JsonNode tags = json.readTree(r.get("Tags"));
                assertTrue(tags.isObject(), "Tags KeyValueFormat: " + r.get("Tags"));
            }
        }
    }

    @Test
    void conditionalNullability() {
        for (Map<String, String> r : rows) {
            String cat = r.get("ChargeCategory");
            boolean correction = "Correction".equals(r.get("ChargeClass"));
            String ctx = r.get("ChargeDescription");
            if (cat.equals("Tax")) {
                for (String c : List.of("PricingQuantity", "PricingUnit", "PricingCategory", "ListUnitPrice", "ContractedUnitPrice", "SkuId", "SkuPriceId")) {
                    assertEquals(null, r.get(c), c + " must be null for Tax: " + ctx);
                }
            }
            if ((cat.equals("Usage") || cat.equals("Purchase")) && !correction) {
                for (String c : List.of("PricingQuantity", "PricingCategory", "ListUnitPrice", "ContractedUnitPrice", "SkuId", "SkuPriceId")) {
                    assertTrue(r.get(c) != null, c + " must not be null for " + cat + ": " + ctx);
                }
            }
            assertEquals(r.get("PricingQuantity") == null, r.get("PricingUnit") == null, "PricingUnit iff PricingQuantity: " + ctx);
            assertEquals(r.get("ConsumedQuantity") == null, r.get("ConsumedUnit") == null, "ConsumedUnit iff ConsumedQuantity: " + ctx);
            if (!cat.equals("Usage") || "Unused".equals(r.get("CommitmentDiscountStatus"))) {
                assertEquals(null, r.get("ConsumedQuantity"), "ConsumedQuantity-C-004-C: " + ctx);
            } else if (!correction) {
                assertTrue(r.get("ConsumedQuantity") != null, "ConsumedQuantity-C-006-C: " + ctx);
            }
            if (r.get("CommitmentDiscountId") == null) {
                for (String c : List.of("CommitmentDiscountName", "CommitmentDiscountCategory", "CommitmentDiscountType", "CommitmentDiscountStatus")) {
                    assertEquals(null, r.get(c), c + " without CommitmentDiscountId: " + ctx);
                }
            } else {
                assertTrue(r.get("CommitmentDiscountCategory") != null && r.get("CommitmentDiscountType") != null, ctx);
                if (cat.equals("Usage")) assertTrue(r.get("CommitmentDiscountStatus") != null, "status for commitment usage: " + ctx);
            }
            if (cat.equals("Purchase")) assertTrue(!"Usage-Based".equals(r.get("ChargeFrequency")), ctx);
            assertEquals(r.get("SubAccountId") == null, r.get("SubAccountName") == null, "SubAccountName iff SubAccountId: " + ctx);
            if (r.get("ResourceId") != null) assertTrue(r.get("ResourceType") != null, "ResourceType-C-005-C: " + ctx);
            else assertEquals(null, r.get("ResourceName"));
            if (r.get("RegionId") == null) assertEquals(null, r.get("RegionName"));
        }
    }

    @Test
    void unitPriceTimesQuantityMatchesCost() {
        for (Map<String, String> r : rows) {
            if ("Correction".equals(r.get("ChargeClass")) || r.get("PricingQuantity") == null) continue;
            BigDecimal qty = new BigDecimal(r.get("PricingQuantity"));
            for (String[] pair : new String[][]{{"ListUnitPrice", "ListCost"}, {"ContractedUnitPrice", "ContractedCost"}}) {
                if (r.get(pair[0]) == null || qty.signum() == 0) continue;
                BigDecimal product = new BigDecimal(r.get(pair[0])).multiply(qty);
                BigDecimal cost = new BigDecimal(r.get(pair[1])).abs();
                assertTrue(product.subtract(cost).abs().compareTo(new BigDecimal("0.000001")) <= 0,
                        pair[0] + " x PricingQuantity = " + product + " vs " + pair[1] + " " + cost + ": " + r.get("ChargeDescription"));
            }
        }
    }

    @Test
    void totalsSurviveARoundTripThroughTheFocusConnector() throws Exception {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        try (ChargeReader r = Connectors.open(SourceKind.FOCUS, null, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "export.csv")) {
            assertEquals("focus-1.2/1", r.start().schemaVersion());
            for (Charge c; (c = r.next()) != null; ) {
                billed = billed.add(c.billedCost());
                effective = effective.add(c.effectiveCost());
                assertTrue(c.flags().isEmpty(), c.flags() + " " + c.chargeDescription());
            }
        }
        // AWS October + FOCUS 1.2 + SaaS invoice, each summed from its fixture.
        assertEquals(0, new BigDecimal("1522.9840789014").add(new BigDecimal("14.96")).add(new BigDecimal("1962.8733")).compareTo(billed), billed.toString());
        assertEquals(0, new BigDecimal("105.2440789014").add(new BigDecimal("14.96")).add(new BigDecimal("1962.8733")).compareTo(effective), effective.toString());
    }
}
