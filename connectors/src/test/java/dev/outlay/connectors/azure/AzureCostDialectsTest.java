/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeClass;
import dev.outlay.model.CommitmentDiscountCategory;
import dev.outlay.model.CommitmentDiscountStatus;
import dev.outlay.model.PricingCategory;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Azure actual/amortized exports in EA and MCA dialects. The fixtures (fixtures/azure/README.md) describe one month:
 * a reservation bought for 90.00 (two days used, one unused at 30.00 each), a savings plan bought for 45.00 (20.00
 * used, 25.00 unused), on-demand storage, a marketplace purchase and a rounding adjustment; each file's cost column
 * sums to 154.4415 in its currency.
 */
class AzureCostDialectsTest {

    static final String ACTUAL = "{\"dataset\":\"ActualCost\"}";
    static final String AMORTIZED = "{\"dataset\":\"amortized\"}";

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            // file,             dataset,   schema version,             rows, billed,   effective, currency, account
            "ea-actual.csv,      actual,    azure-ea-actual/1,          9,    154.4415, 154.4415,  USD,      8611537",
            "ea-amortized.csv,   amortized, azure-ea-amortized/1,       9,    19.4415,  154.4415,  USD,      8611537",
            "mca-actual.csv,     actual,    azure-mca-actual/1,         9,    154.4415, 154.4415,  EUR,      BP-7Q2R",
            "mca-amortized.csv,  amortized, azure-mca-amortized/1,      9,    19.4415,  154.4415,  EUR,      BP-7Q2R",
    })
    void eachDialectLoadsWithTotalsToTheCent(String file, String dataset, String version, int rows, String billed,
                                             String effective, String currency, String account) {
        Read read = read(file, dataset.equals("actual") ? ACTUAL : AMORTIZED);
        assertEquals(version, read.version);
        assertEquals(rows, read.charges.size());
        assertMoney(billed, sum(read.charges, Charge::billedCost));
        assertMoney(effective, sum(read.charges, Charge::effectiveCost));
        for (Charge c : read.charges) {
            assertEquals(currency, c.billingCurrency());
            assertEquals(account, c.billingAccountId());
            assertEquals("Microsoft", c.providerName());
            assertEquals(Instant.parse("2024-09-01T00:00:00Z"), c.billingPeriodStart());
            assertEquals(Instant.parse("2024-10-01T00:00:00Z"), c.billingPeriodEnd(), "inclusive end read as exclusive");
        }
    }

    @ParameterizedTest
    @CsvSource({"ea-amortized.csv, ea-actual.csv", "mca-amortized.csv, mca-actual.csv"})
    void pairCountsEachCommitmentOnceInEachMeasure(String amortized, String actual) throws IOException {
        List<Charge> out = new ArrayList<>();
        try (AzureExportPair pair = new AzureExportPair(in(amortized), amortized, in(actual), actual)) {
            for (Charge c; (c = pair.next()) != null; ) out.add(c);
            assertEquals(18, pair.rowsRead());
            assertEquals(7, pair.skippedActualRows());
            assertTrue(pair.schemaVersion().contains("amortized/1+"), pair.schemaVersion());
        }
        assertEquals(11, out.size());
        // billed = the actual file's total (the invoice), effective = the amortized file's total
        assertMoney("154.4415", sum(out, Charge::billedCost));
        assertMoney("154.4415", sum(out, Charge::effectiveCost));
        List<Charge> ri = out.stream().filter(c -> "RI D2s".equals(c.commitmentDiscountName())).toList();
        assertMoney("90", sum(ri, Charge::billedCost));
        assertMoney("90", sum(ri, Charge::effectiveCost));
        List<Charge> sp = out.stream().filter(c -> "SP compute".equals(c.commitmentDiscountName())).toList();
        assertMoney("45", sum(sp, Charge::billedCost));
        assertMoney("45", sum(sp, Charge::effectiveCost));
        Charge unused = ri.stream().filter(c -> c.commitmentDiscountStatus() == CommitmentDiscountStatus.UNUSED).findFirst().orElseThrow();
        assertEquals(ChargeCategory.USAGE, unused.chargeCategory());
        assertMoney("30", unused.effectiveCost());
        assertMoney("0", unused.billedCost());
        Charge purchase = ri.stream().filter(c -> c.chargeCategory() == ChargeCategory.PURCHASE).findFirst().orElseThrow();
        assertMoney("90", purchase.billedCost());
        assertMoney("0", purchase.effectiveCost());
    }

    @Test
    void chargeTypesPricingModelsAndTagsMapToFocus() {
        List<Charge> a = read("ea-amortized.csv", AMORTIZED).charges;
        Charge covered = a.get(0);
        assertEquals(ChargeCategory.USAGE, covered.chargeCategory());
        assertEquals(PricingCategory.COMMITTED, covered.pricingCategory());
        assertEquals(CommitmentDiscountCategory.USAGE, covered.commitmentDiscountCategory());
        assertEquals("Reservation", covered.commitmentDiscountType());
        assertEquals(CommitmentDiscountStatus.USED, covered.commitmentDiscountStatus());
        assertEquals(ServiceCategory.COMPUTE, covered.serviceCategory());
        assertEquals(Map.of("team", "app", "owner", "Smith, Jane"), covered.tags());
        assertEquals(Instant.parse("2024-09-02T00:00:00Z"), covered.chargePeriodEnd());
        Charge spUnused = a.get(4);
        assertEquals(CommitmentDiscountCategory.SPEND, spUnused.commitmentDiscountCategory());
        assertEquals(CommitmentDiscountStatus.UNUSED, spUnused.commitmentDiscountStatus());
        Charge writes = a.get(6);
        assertMoney("0.0015", writes.billedCost()); // 1.5E-03
        assertEquals(PricingCategory.STANDARD, writes.pricingCategory());
        assertMoney("0.00195", writes.listCost()); // PayGPrice 0.0065 x 0.3
        Charge marketplace = a.get(7);
        assertEquals(ChargeCategory.PURCHASE, marketplace.chargeCategory());
        assertEquals("Contoso Networks Ltd.", marketplace.publisherName());
        assertMoney("10", marketplace.effectiveCost());
        assertEquals(ChargeCategory.ADJUSTMENT, a.get(8).chargeCategory());

        // brace-less tags with doubled quotes and a comma inside a value (EA actual, BOM, CRLF, SubscriptionGuid)
        List<Charge> ea = read("ea-actual.csv", ACTUAL).charges;
        assertEquals(Map.of("team", "app", "owner", "Smith, Jane"), ea.get(0).tags());
        assertEquals("0f0e0d0c-0000-4000-8000-000000000001", ea.get(0).subAccountId());
        assertMoney("0", ea.get(0).billedCost());
        assertMoney("90", ea.get(2).effectiveCost()); // read alone, the actual purchase keeps its cost
        assertEquals("G012345678", read("mca-actual.csv", ACTUAL).charges.get(0).invoiceId());
    }

    @Test
    void refundIsACorrectionOfThePurchaseAndUnknownTypesAreFlaggedAdjustments() {
        String csv = "BillingAccountId,BillingPeriodStartDate,BillingPeriodEndDate,Date,CostInBillingCurrency,BillingCurrencyCode,ChargeType,PricingModel,ReservationId\n"
                + "1,9/1/2024,9/30/2024,9/9/2024,-5.00,USD,Refund,Reservation,r-1\n"
                + "1,9/1/2024,9/30/2024,9/9/2024,1.25,USD,SomethingNew,,\n";
        List<Charge> c = read(csv.getBytes(StandardCharsets.UTF_8), "r.csv", ACTUAL).charges;
        assertEquals(ChargeCategory.PURCHASE, c.get(0).chargeCategory());
        assertEquals(ChargeClass.CORRECTION, c.get(0).chargeClass());
        assertMoney("-5", c.get(0).billedCost());
        assertEquals(ChargeCategory.ADJUSTMENT, c.get(1).chargeCategory());
        assertNull(c.get(1).chargeClass());
        assertTrue(c.get(1).flags().toString().contains("UNMAPPED_CHARGE_CATEGORY"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing cost column | BillingAccountId,BillingPeriodStartDate,BillingPeriodEndDate,Date,BillingCurrencyCode,ChargeType\\n1,9/1/2024,9/30/2024,9/1/2024,USD,Usage | 1 | 0 | CostInBillingCurrency",
            "MCA without billing profile | billingAccountId,invoiceId,billingPeriodStartDate,billingPeriodEndDate,date,costInBillingCurrency,billingCurrency,chargeType\\n1,G1,2024-09-01,2024-09-30,2024-09-01,1,EUR,Usage | 1 | 0 | BillingProfileId",
            "day-first date | BillingAccountId,BillingPeriodStartDate,BillingPeriodEndDate,Date,CostInBillingCurrency,BillingCurrencyCode,ChargeType\\n1,9/1/2024,9/30/2024,13/9/2024,1,USD,Usage | 2 | 4 | Date",
            "mixed currencies in one billing account | BillingAccountId,BillingPeriodStartDate,BillingPeriodEndDate,Date,CostInBillingCurrency,BillingCurrencyCode,ChargeType\\n1,9/1/2024,9/30/2024,9/1/2024,1,USD,Usage\\n1,9/1/2024,9/30/2024,9/1/2024,1,EUR,Usage | 3 | 6 | BillingCurrencyCode",
            "unreadable cost | BillingAccountId,BillingPeriodStartDate,BillingPeriodEndDate,Date,CostInBillingCurrency,BillingCurrencyCode,ChargeType\\n1,9/1/2024,9/30/2024,9/1/2024,1.2O,USD,Usage | 2 | 5 | CostInBillingCurrency",
    })
    void badInputNamesFileLineAndColumn(String name, String csv, long line, int column, String columnName) {
        SourceFormatException e = assertThrows(SourceFormatException.class,
                () -> read(csv.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "bad.csv", ACTUAL));
        assertEquals("bad.csv", e.file());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertTrue(e.getMessage().contains(columnName) || columnName.equals(e.columnName()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"~ | dataset", "{} | dataset", "{\"dataset\":\"FocusCost\"} | dataset",
            "{\"dataset\":\"actual\",\"x\":1} | x", "[1] | mapping"})
    void configIsValidatedNamingTheField(String mapping, String field) {
        String m = mapping.equals("~") ? null : mapping;
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Connectors.open(SourceKind.AZURE_COST, m, new ByteArrayInputStream(new byte[0]), "x.csv"));
        assertEquals(field, e.field());
    }

    // --- helpers

    record Read(List<Charge> charges, String version) {
    }

    static Read read(String fixture, String mapping) {
        return read(bytes(fixture), fixture, mapping);
    }

    static Read read(byte[] data, String file, String mapping) {
        try (ChargeReader r = Connectors.open(SourceKind.AZURE_COST, mapping, new ByteArrayInputStream(data), file)) {
            String v = r.start().schemaVersion();
            List<Charge> out = new ArrayList<>();
            for (Charge c; (c = r.next()) != null; ) out.add(c);
            return new Read(out, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream in(String fixture) {
        return new ByteArrayInputStream(bytes(fixture));
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = AzureCostDialectsTest.class.getResourceAsStream("/fixtures/azure/" + fixture)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + fixture);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal sum(List<Charge> charges, Function<Charge, BigDecimal> f) {
        return charges.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
