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

import dev.outlay.connectors.synthetic.SyntheticBilling;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo generator: deterministic, parseable by the real connectors, tagged, with a weekday pattern. */
class SyntheticBillingTest {

    static final LocalDate END = LocalDate.of(2024, 12, 31);

    static String aws(int days, int resources) {
        StringWriter w = new StringWriter();
        SyntheticBilling.awsCur2(w, END, days, resources, 1, 42);
        return w.toString();
    }

    @Test
    void deterministic() {
        assertEquals(aws(10, 12), aws(10, 12));
    }

    @Test
    void awsParsesCleanlyWithCommitmentsAndMostSpendTagged() {
        List<Charge> all = Fixtures.readAll(SourceKind.AWS_CUR, null, aws(40, 30).getBytes(StandardCharsets.UTF_8), "demo-aws.csv").charges();
        assertTrue(all.size() > 1200, "rows " + all.size());
        assertTrue(all.stream().noneMatch(Charge::flagged), "no flags");
        assertTrue(all.stream().anyMatch(c -> c.chargeCategory() == ChargeCategory.PURCHASE));
        assertTrue(all.stream().anyMatch(c -> c.chargeCategory() == ChargeCategory.TAX));
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal tagged = BigDecimal.ZERO;
        for (Charge c : all) {
            if (c.chargeCategory() != ChargeCategory.USAGE) continue;
            usage = usage.add(c.effectiveCost());
            if (c.tags().keySet().stream().anyMatch(k -> k.toLowerCase().contains("team"))) tagged = tagged.add(c.effectiveCost());
        }
        assertTrue(tagged.doubleValue() / usage.doubleValue() >= 0.9, "tagged share " + tagged.doubleValue() / usage.doubleValue());
        // Weekends cost less than weekdays (compute scales down).
        double weekday = dayTotal(all, LocalDate.of(2024, 12, 4));
        double weekend = dayTotal(all, LocalDate.of(2024, 12, 7));
        assertEquals(DayOfWeek.SATURDAY, LocalDate.of(2024, 12, 7).getDayOfWeek());
        assertTrue(weekend < weekday * 0.9, weekend + " vs " + weekday);
    }

    private static double dayTotal(List<Charge> all, LocalDate day) {
        return all.stream().filter(c -> c.chargeCategory() == ChargeCategory.USAGE)
                .filter(c -> LocalDate.ofInstant(c.chargePeriodStart(), ZoneOffset.UTC).equals(day))
                .mapToDouble(c -> c.effectiveCost().doubleValue()).sum();
    }

    @Test
    void azureFocusAndSaasInvoiceParseCleanly() {
        StringWriter az = new StringWriter();
        long azRows = SyntheticBilling.azureFocus(az, END, 20, 15, 7);
        List<Charge> azure = Fixtures.readAll(SourceKind.FOCUS, null, az.toString().getBytes(StandardCharsets.UTF_8), "az.csv").charges();
        assertEquals(azRows, azure.size());
        assertTrue(azure.stream().noneMatch(Charge::flagged), () -> azure.stream().filter(Charge::flagged).findFirst().get().flags().toString());

        StringWriter saas = new StringWriter();
        long saasRows = SyntheticBilling.saasInvoice(saas, END, 40, 9);
        List<Charge> invoices = Fixtures.readAll(SourceKind.INVOICE_CSV, SyntheticBilling.SAAS_MAPPING,
                saas.toString().getBytes(StandardCharsets.UTF_8), "saas.csv").charges();
        assertEquals(saasRows, invoices.size());
        assertTrue(invoices.stream().noneMatch(Charge::flagged));
    }
}
