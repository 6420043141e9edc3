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
package dev.outlay.connectors.saas;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeFrequency;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Seats to FOCUS 1.2 rows: what each SKU is charged, how its rows split, and the rows read back by the FOCUS connector. */
class SeatChargeFileTest {

    static final SeatAccount ACCOUNT = new SeatAccount("microsoft-365", "Microsoft", "contoso-tenant", "Contoso, Ltd", "Microsoft 365");
    static final YearMonth MARCH = YearMonth.of(2025, 3);

    static SeatSubscription sub(String sku, long purchased, long assigned, Map<String, Long> departments) {
        return new SeatSubscription(sku, sku.toLowerCase() + "-id", sku, purchased, assigned, null, new TreeMap<>(departments));
    }

    static Optional<SeatPrice> price(String sku) {
        return switch (sku) {
            case "E3" -> Optional.of(new SeatPrice(new BigDecimal("36.00"), "USD", "month", "License", "microsoft-365/E3/2025-01-01/v1"));
            case "PBI" -> Optional.of(new SeatPrice(new BigDecimal("10.01"), "USD", "year", "License", "microsoft-365/PBI/2025-01-01/v2"));
            case "JPY" -> Optional.of(new SeatPrice(new BigDecimal("1000"), "JPY", "year", "License", "x/JPY/2025-01-01/v1"));
            default -> Optional.empty();
        };
    }

    static List<Charge> read(byte[] csv) throws IOException {
        List<Charge> out = new ArrayList<>();
        try (ChargeReader r = Connectors.open(SourceKind.FOCUS, null, new ByteArrayInputStream(csv), "m365-2025-03.csv")) {
            for (Charge c; (c = r.next()) != null; ) out.add(c);
        }
        return out;
    }

    @Test
    void rowsPerDepartmentUnattributedAndUnassigned() throws IOException {
        SeatChargeFile.Result r = SeatChargeFile.write(ACCOUNT, MARCH,
                List.of(sub("E3", 10, 4, Map.of("Sales", 2L, "Finance, EMEA", 1L))), SeatChargeFileTest::price);
        List<Charge> rows = read(r.csv());
        assertEquals(4, rows.size());
        record Expect(String department, String state, String seats, String cost) {}
        List<Expect> expected = List.of(new Expect("Finance, EMEA", "assigned", "1", "36.00"), new Expect("Sales", "assigned", "2", "72.00"),
                new Expect(null, "assigned", "1", "36.00"), new Expect(null, "unassigned", "6", "216.00"));
        for (int i = 0; i < rows.size(); i++) {
            Charge c = rows.get(i);
            Expect e = expected.get(i);
            assertEquals(e.department(), c.tags().get("department"), "row " + i);
            assertEquals(e.state(), c.tags().get("seat-state"), "row " + i);
            assertEquals(0, new BigDecimal(e.seats()).compareTo(c.pricingQuantity()), "row " + i);
            assertEquals(0, new BigDecimal(e.cost()).compareTo(c.billedCost()), "row " + i);
            assertEquals(0, c.billedCost().compareTo(c.effectiveCost()));
            assertEquals(ChargeCategory.PURCHASE, c.chargeCategory());
            assertEquals(ChargeFrequency.RECURRING, c.chargeFrequency());
            assertEquals(ServiceCategory.BUSINESS_APPLICATIONS, c.serviceCategory());
            assertEquals("License", c.pricingUnit());
            assertEquals("E3", c.skuId());
            assertEquals("microsoft-365/E3/2025-01-01/v1", c.skuPriceId());
            assertEquals("contoso-tenant", c.billingAccountId());
            assertEquals("Contoso, Ltd", c.billingAccountName());
            assertEquals("Microsoft", c.providerName());
            assertEquals(Instant.parse("2025-03-01T00:00:00Z"), c.chargePeriodStart());
            assertEquals(Instant.parse("2025-04-01T00:00:00Z"), c.billingPeriodEnd());
            assertEquals(0, new BigDecimal("36.00").compareTo(c.contractedUnitPrice()));
        }
        assertEquals(Map.of("USD", new BigDecimal("360.00")), r.totalByCurrency());
        assertEquals(10, r.paidSeats());
    }

    /** Annual prices spread over twelve months; the SKU is rounded once and the last row takes the remainder. */
    @ParameterizedTest
    @CsvSource({
            // sku, purchased, assigned (one department each), the SKU's month total
            "PBI, 3, 3, 2.50",   // 3 x 10.01 / 12 = 2.5025 -> 2.50 (half-even); rows 0.83 + 0.83 + 0.84
            "PBI, 12, 0, 10.01", // one unassigned row: exactly the annual price
            "JPY, 5, 5, 417",    // 5 x 1000 / 12 = 416.67 -> 417 yen (no minor unit)
    })
    void annualTermsAndRounding(String sku, long purchased, long assigned, String total) throws IOException {
        Map<String, Long> departments = new TreeMap<>();
        for (int i = 0; i < assigned; i++) departments.put("d" + i, 1L);
        SeatChargeFile.Result r = SeatChargeFile.write(ACCOUNT, MARCH, List.of(sub(sku, purchased, assigned, departments)), SeatChargeFileTest::price);
        List<Charge> rows = read(r.csv());
        BigDecimal sum = rows.stream().map(Charge::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal(total).compareTo(sum), sum.toPlainString());
        assertEquals(0, new BigDecimal(total).compareTo(r.totalByCurrency().values().iterator().next()));
        if (sku.equals("PBI") && assigned == 3) {
            assertEquals(List.of("0.83", "0.83", "0.84"), rows.stream().map(c -> c.billedCost().toPlainString()).toList());
        }
    }

    @Test
    void yenRowsAddUpToTheSkuTotal() throws IOException {
        Map<String, Long> d = new TreeMap<>(Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L, "e", 1L));
        List<Charge> rows = read(SeatChargeFile.write(ACCOUNT, MARCH, List.of(sub("JPY", 5, 5, d)), SeatChargeFileTest::price).csv());
        // 1000 / 12 = 83.33 -> 83 yen a row for four, the fifth 417 - 332 = 85
        assertEquals(List.of("83", "83", "83", "83", "85"), rows.stream().map(c -> c.billedCost().toPlainString()).toList());
    }

    @Test
    void unpricedSkusAreNamedAndNothingIsWritten() {
        UnpricedSkuException e = assertThrows(UnpricedSkuException.class, () -> SeatChargeFile.write(ACCOUNT, MARCH,
                List.of(sub("E3", 1, 1, Map.of()), sub("VISIO", 2, 0, Map.of()), sub("PROJECT", 1, 0, Map.of()), sub("FREE", 0, 0, Map.of())),
                SeatChargeFileTest::price));
        // a SKU with no seats bought or used needs no price
        assertEquals(List.of("PROJECT", "VISIO"), e.skus());
        assertEquals("no contract price for vendor microsoft-365 on 2025-03-01 for SKUs PROJECT, VISIO (put them with PUT /api/v1/contract-prices)",
                e.getMessage());
    }

    @Test
    void overageIsPaidAndSameSeatsGiveTheSameBytes() throws IOException {
        List<SeatSubscription> over = List.of(sub("E3", 2, 3, Map.of("Ops", 3L)));
        SeatChargeFile.Result a = SeatChargeFile.write(ACCOUNT, MARCH, over, SeatChargeFileTest::price);
        assertArrayEquals(a.csv(), SeatChargeFile.write(ACCOUNT, MARCH, over, SeatChargeFileTest::price).csv());
        List<Charge> rows = read(a.csv());
        assertEquals(1, rows.size());
        assertEquals(0, new BigDecimal("108.00").compareTo(rows.get(0).billedCost()));
        assertNull(rows.get(0).consumedQuantity());
    }
}
