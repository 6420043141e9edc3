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
package dev.outlay.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceCostsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = FROM.plusDays(13);

    private static LedgerDay row(String id, LocalDate day, String eff, String list, String cur, boolean covered) {
        return new LedgerDay(id, day, "BoxUsage:m5.large", "RunInstances", new BigDecimal("24"),
                new BigDecimal(eff), new BigDecimal(list), cur, covered, null);
    }

    @Test
    void sumsPerResourceAndCurrencyWithinTheWindowOnly() {
        List<LedgerDay> rows = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            // Half the days covered by a reservation at a lower effective rate.
            boolean covered = d % 2 == 0;
            rows.add(row("i-1", FROM.plusDays(d), covered ? "1.20" : "2.30", "2.30", "USD", covered));
        }
        rows.add(row("i-1", FROM.minusDays(1), "99", "99", "USD", false)); // outside the window
        rows.add(row("i-1", FROM, "5.00", "5.00", "EUR", false)); // same resource, other currency
        List<ResourceCost> costs = ResourceCosts.over(rows, FROM, TO);
        assertEquals(2, costs.size());
        ResourceCost eur = costs.get(0);
        ResourceCost usd = costs.get(1);
        assertEquals("EUR", eur.currency());
        assertEquals(0, eur.effective().compareTo(new BigDecimal("5.00")));
        assertEquals(0, usd.effective().compareTo(new BigDecimal("24.50")));
        assertEquals(0, usd.list().compareTo(new BigDecimal("32.20")));
        assertEquals(0, usd.committedEffective().compareTo(new BigDecimal("8.40")));
        assertEquals(14, usd.billedDays());
        assertEquals(0, usd.hours().compareTo(new BigDecimal("336")));
        // 8.40 / 24.50 = 0.342857
        assertEquals(0, usd.committedShare().compareTo(new BigDecimal("0.342857")));
        SavingsRange s = usd.savingsIfRemoved(14);
        // expected 24.50 × 30.4375 / 14 = 53.27; high 32.20 × 30.4375 / 14 = 70.01; low 16.10 × … = 35.00
        assertEquals(0, s.expected().compareTo(new BigDecimal("53.27")), s.expected().toPlainString());
        assertEquals(0, s.high().compareTo(new BigDecimal("70.01")), s.high().toPlainString());
        assertEquals(0, s.low().compareTo(new BigDecimal("35.00")), s.low().toPlainString());
    }
}
