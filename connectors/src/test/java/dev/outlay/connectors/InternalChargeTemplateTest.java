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
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled {@code internal-charge} template: cost = units × rate exactly, over the documented example of
 * data-centre power, rack, cross-connect and licence charges (read from docs/examples, so the example cannot drift
 * from the contract) and over fixtures with a BOM, doubled quotes, empty cells, an empty end date and lower-case FOCUS
 * values; missing units or a rate of NULL are refused naming the line.
 */
class InternalChargeTemplateTest {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "internal-charges-datacentre.csv");

    static List<Charge> example() {
        try {
            return Fixtures.readAll(SourceKind.INVOICE_CSV, InvoiceTemplates.text("internal-charge"), Files.readAllBytes(EXAMPLE), "example.csv").charges();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "line {0}: {1} × {2} = {3}")
    @CsvSource({
            "2, 18432.5, 0.2875, 5299.34375, CC-210, Power, Usage",
            "3, 4, 1150.00, 4600.00, CC-210, Rack space, Usage",
            "4, 1, 640.00, 640.00, CC-305, Rack space, Usage",
            "5, 2, 185.50, 371.00, CC-305, Cross-connects, Usage",
            "6, 256, 4.125, 1056.000, CC-210, VMware vSphere Enterprise Plus, Purchase",
            "7, 3, 1234.5675, 3703.7025, CC-410, Oracle Database EE, Purchase",
            "8, -1, 212.40, -212.40, CC-210, Power, Credit"})
    void eachRowCostsUnitsTimesRate(int line, String units, String rate, String cost, String costCentre, String service, String category) {
        Charge c = example().get(line - 2);
        assertEquals(new BigDecimal(cost), c.billedCost(), "exact, with the scale of the product");
        assertEquals(new BigDecimal(cost), c.effectiveCost());
        assertEquals(new BigDecimal(units), c.pricingQuantity());
        assertEquals(new BigDecimal(rate), c.listUnitPrice());
        assertEquals(costCentre, c.tags().get("cost-centre"));
        assertEquals(service, c.serviceName());
        assertEquals(ChargeCategory.parse(category), c.chargeCategory());
        assertEquals("EUR", c.billingCurrency());
        assertEquals("acme-de-gmbh", c.billingAccountId());
    }

    @Test
    void theExampleTotalsToTheLastDecimal() {
        List<Charge> rows = example();
        assertEquals(7, rows.size());
        assertEquals(new BigDecimal("15457.64625"), rows.stream().map(Charge::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals("DC Frankfurt 1", rows.get(0).providerName());
        assertEquals("Full rack, 42U (\"cold aisle\")", rows.get(1).chargeDescription());
        assertNull(rows.get(2).tags().get("environment"), "an empty cell is no tag");
        assertEquals("production", rows.get(0).tags().get("environment"));
    }

    @Test
    void aBomDoubledQuotesEmptyCellsAndLowerCaseValues() {
        List<Charge> rows = Fixtures.readAll(SourceKind.INVOICE_CSV, InvoiceTemplates.text("internal-charge"),
                Fixtures.bytes("invoice/internal-charge-bom-quirks.csv"), "quirks.csv").charges();
        assertEquals(2, rows.size());
        assertEquals(new BigDecimal("199.9000"), rows.get(0).billedCost());
        assertEquals("Metered power, \"hall B\"", rows.get(0).chargeDescription());
        assertEquals(new BigDecimal("490.050"), rows.get(1).billedCost());
        assertEquals("CC-900", rows.get(1).tags().get("cost-centre"));
        assertEquals(rows.get(1).chargePeriodStart().plusSeconds(86_400), rows.get(1).chargePeriodEnd(), "no end: one day");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"internal-charge-missing-units.csv, 2, number of units is required", "internal-charge-missing-rate.csv, 2, not a number: 'NULL'"})
    void missingUnitsOrRateAreRefusedNamingTheLine(String fixture, int line, String message) {
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> Fixtures.readAll(SourceKind.INVOICE_CSV,
                InvoiceTemplates.text("internal-charge"), Fixtures.bytes("invoice/" + fixture), fixture));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }
}
