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
package dev.outlay.connectors;

import dev.outlay.connectors.invoice.InvoiceTemplates;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invoice and cost exports in other dialects than ISO dates and plain numbers: Azure EA (month-first dates,
 * scientific notation, brace-less tags), OCI (ISO timestamps to the minute, a column per tag), a German SaaS
 * invoice (semicolons, day-first dates, "1.234,56", credits in parentheses or with a trailing minus).
 */
class InvoiceDialectsTest {

    static List<Charge> read(String fixture, String mapping) {
        return read(bytes(fixture), text(mapping), fixture);
    }

    static List<Charge> read(byte[] data, String mapping, String file) {
        return Fixtures.readAll(SourceKind.INVOICE_CSV, mapping, data, file).charges();
    }

    static byte[] bytes(String fixture) {
        return Fixtures.bytes("invoice/" + fixture);
    }

    /** A fixture's text, or a bundled template's when the name has no extension. */
    static String text(String fixture) {
        return fixture.contains(".") ? Fixtures.text("invoice/" + fixture) : InvoiceTemplates.text(fixture);
    }

    @Test
    void azureEaExport() {
        List<Charge> rows = read("azure-ea-export.csv", "azure-ea");
        Charge storage = rows.get(1);
        assertEquals(Instant.parse("2023-09-23T00:00:00Z"), storage.chargePeriodStart(), "month-first, day past the 12th");
        assertEquals(0, new BigDecimal("0.0000564902").compareTo(storage.billedCost()));
        assertEquals(Map.of("team", "data", "owner", "Smith, Jane"), storage.tags(), "brace-less JSON tags");
        assertEquals("CAD", storage.billingCurrency());
        assertEquals("e18e1552-c6dd-45d1-973c-000000000001", storage.subAccountId());
        assertEquals(Map.of(), rows.get(2).tags(), "empty Tags cell");
        assertEquals(Map.of("team", "product"), rows.get(3).tags(), "a Tags cell with braces");
        assertEquals(ChargeCategory.PURCHASE, rows.get(3).chargeCategory());
        assertEquals(ChargeCategory.CREDIT, rows.get(4).chargeCategory());
        assertEquals("2023-09-01", rows.get(0).billingPeriodStart().toString().substring(0, 10));
        assertEquals(ServiceCategory.NETWORKING, rows.get(0).serviceCategory(), "ServiceFamily read as FOCUS");
        assertEquals(ServiceCategory.STORAGE, storage.serviceCategory());
    }

    @Test
    void ociCostReport() {
        List<Charge> rows = read("oci-cost-report.csv", "oci-cost");
        assertEquals(Instant.parse("2023-11-13T10:00:00Z"), rows.get(0).chargePeriodStart(), "ISO 8601 to the minute");
        assertEquals(Instant.parse("2023-11-13T11:00:00Z"), rows.get(0).chargePeriodEnd());
        assertEquals(Map.of("Oracle-Tags.CreatedBy", "default/ops@example.com", "CostCenter", "607825"), rows.get(0).tags());
        assertEquals(Map.of(), rows.get(2).tags());
        assertEquals("platform-dev", rows.get(2).subAccountName());
        assertEquals(0, new BigDecimal("0.012264277499950943").compareTo(rows.get(0).billedCost()), "every decimal kept");
        assertEquals(ServiceCategory.DATABASES, rows.get(0).serviceCategory(), "DATABASE through serviceCategories");
        assertEquals(ServiceCategory.STORAGE, rows.get(2).serviceCategory());
    }

    @Test
    void anUnknownServiceCodeLoadsAsOtherFlagged() {
        byte[] csv = new String(bytes("oci-cost-report.csv"), StandardCharsets.UTF_8).replace(",COMPUTE,", ",QUANTUM,")
                .getBytes(StandardCharsets.UTF_8);
        Charge c = read(csv, text("oci-cost"), "oci.csv").get(1);
        assertEquals(ServiceCategory.OTHER, c.serviceCategory());
        assertTrue(c.flags().contains(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY), c.flags().toString());
        assertEquals("QUANTUM", c.serviceName(), "the provider's name is kept");
    }

    @Test
    void germanSaasInvoice() {
        List<Charge> rows = read("eu-invoice.csv", "eu-invoice-mapping.yaml");
        assertEquals(Instant.parse("2024-10-15T00:00:00Z"), rows.get(2).chargePeriodStart());
        assertEquals("Lizenzen; 120 Plätze", rows.get(0).chargeDescription(), "a quoted delimiter");
        assertEquals("Speicher \"Plus\"", rows.get(1).chargeDescription());
        assertEquals(0, new BigDecimal("1234.56").compareTo(rows.get(0).billedCost()));
        assertEquals(0, new BigDecimal("12500.00").compareTo(rows.get(1).billedCost()));
        assertEquals(0, new BigDecimal("-45.50").compareTo(rows.get(2).billedCost()), "(45,50)");
        assertEquals(0, new BigDecimal("-3.00").compareTo(rows.get(3).billedCost()), "3,00-");
        assertEquals(ChargeCategory.TAX, rows.get(4).chargeCategory());
        assertEquals(Map.of("cost-center", "KST-100"), rows.get(0).tags());
        assertEquals(0, new BigDecimal("120").compareTo(rows.get(0).pricingQuantity()));
    }

    /** A file in another dialect than its mapping says fails at the first cell that shows it, never misread. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "day-first file, month-first mapping | azure-ea              | Date,CostInBillingCurrency,BillingCurrencyCode,Tags\\n2/9/2023,1,CAD,\\n23/9/2023,1,CAD,\\n | 3 | 1 | dateFormat M/d/yyyy: '23/9/2023'",
            "no such day                         | azure-ea              | Date,CostInBillingCurrency,BillingCurrencyCode,Tags\\n2/30/2024,1,CAD,\\n               | 2 | 1 | '2/30/2024'",
            "US amount, European mapping         | eu-invoice-mapping.yaml | Rechnungsdatum;Betrag (EUR)\\n01.10.2024;1,234.56\\n                        | 2 | 2 | decimal separator ',': '1,234.56'",
            "ISO date, day-first mapping         | eu-invoice-mapping.yaml | Rechnungsdatum;Betrag (EUR)\\n2024-10-01;1,00\\n                            | 2 | 1 | dateFormat dd.MM.yyyy",
            "commas, semicolon mapping           | eu-invoice-mapping.yaml | Rechnungsdatum,Betrag (EUR)\\n01.10.2024,1\\n                               | 1 | 0 | wrong delimiter"})
    void wrongDialectFailsWithPosition(String label, String mapping, String csv, long line, int column, String message) {
        byte[] data = csv.strip().replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> read(data, text(mapping), "x.csv"));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "time only        | dateFormat: HH:mm          | dateFormat       | year, a month and a day",
            "not a pattern    | dateFormat: dd.MM.yyyy{    | dateFormat       | dateFormat",
            "bad separator    | decimalSeparator: ';'      | decimalSeparator | must be",
            "bad delimiter    | delimiter: '::'            | delimiter        | delimiter must be",
            "bad category     | 'serviceCategories: {DB: Database}' | serviceCategories.DB | Database"})
    void invalidDialectSettingsNameTheField(String label, String line, String field, String message) {
        String yaml = "provider: x\ncurrency: USD\ncolumns:\n  chargePeriodStart: d\n  billedCost: a\n" + line + "\n";
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Connectors.open(SourceKind.INVOICE_CSV, yaml, null, "f"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void everyBundledTemplateIsAValidDescribedMapping() {
        assertEquals(InvoiceTemplates.NAMES, InvoiceTemplates.all().stream().map(InvoiceTemplates.Template::name).toList());
        for (InvoiceTemplates.Template t : InvoiceTemplates.all()) {
            assertTrue(t.description().length() > 40, t.name() + " says what it reads");
            assertTrue(t.version().startsWith(t.name()), t.name() + " versions under its name: " + t.version());
        }
        assertTrue(InvoiceTemplates.find("nope").isEmpty());
    }

    @Test
    void tabDelimiterByName() {
        String mapping = "provider: x\ncurrency: USD\ndelimiter: tab\ncolumns:\n  chargePeriodStart: d\n  billedCost: a\n";
        List<Charge> rows = read("d\ta\n2024-10-01\t2.5\n".getBytes(StandardCharsets.UTF_8), mapping, "t.tsv");
        assertEquals(0, new BigDecimal("2.5").compareTo(rows.get(0).billedCost()));
    }
}
