/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Golden figures computed by hand (scale 10, HALF_EVEN). */
class UnitCostCalculatorTest {

    private static final LocalDate D1 = LocalDate.parse("2026-11-29");
    private static final LocalDate D2 = LocalDate.parse("2026-11-30");
    private static final LocalDate D3 = LocalDate.parse("2026-12-01");
    private static final LocalDate D4 = LocalDate.parse("2026-12-02");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final List<CostDay> COSTS = List.of(
            new CostDay(D1, "USD", d("100.00")), new CostDay(D1, "EUR", d("30.00")),
            new CostDay(D2, "USD", d("50.00")), new CostDay(D2, "USD", d("10.00")),
            new CostDay(D3, "USD", d("20.00")),
            new CostDay(D4, "USD", d("7.00")));

    private static TreeMap<LocalDate, BigDecimal> metric() {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        m.put(D1, d("400"));   // 100.00 / 400 = 0.25; 30.00 / 400 = 0.075
        m.put(D2, d("3"));     // 60.00 / 3 = 20
        m.put(D3, d("0"));     // zero: null, not a free unit
        // D4 missing: null
        return m;
    }

    @Test
    void dailyUnitCostsPerCurrencyWithNullForMissingAndZeroMetric() {
        List<UnitCost> rows = UnitCostCalculator.compute(COSTS, metric(), UnitCostCalculator.Grain.DAY, D1, D4.plusDays(1));
        assertEquals(8, rows.size(), "4 days x 2 currencies");
        assertEquals(new UnitCost("2026-11-29", "EUR", d("30.00"), d("400"), 1, 1, d("0.0750000000")), rows.get(0));
        assertEquals(new UnitCost("2026-11-29", "USD", d("100.00"), d("400"), 1, 1, d("0.2500000000")), rows.get(1));
        assertEquals(0, rows.get(2).cost().signum(), "EUR has no cost on D2");
        assertEquals(d("0E-10"), rows.get(2).unitCost());
        assertEquals(d("60.00"), rows.get(3).cost(), "USD rows of the same day are added");
        assertEquals(d("20.0000000000"), rows.get(3).unitCost());
        assertEquals("2026-12-01", rows.get(5).period());
        assertEquals(d("0"), rows.get(5).metricValue());
        assertNull(rows.get(5).unitCost(), "zero metric -> null");
        assertNull(rows.get(7).metricValue());
        assertNull(rows.get(7).unitCost(), "missing metric -> null");
        assertEquals(d("7.00"), rows.get(7).cost());
    }

    @Test
    void roundsHalfEvenAtScaleTen() {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        m.put(D1, d("3"));
        List<UnitCost> rows = UnitCostCalculator.compute(List.of(new CostDay(D1, "USD", d("1.00"))), m, UnitCostCalculator.Grain.DAY, D1, D2);
        assertEquals(d("0.3333333333"), rows.get(0).unitCost());
        // 0.00000000005 exactly halfway at scale 10: HALF_EVEN keeps the even digit 0
        m.put(D1, d("200000000000"));
        rows = UnitCostCalculator.compute(List.of(new CostDay(D1, "USD", d("10"))), m, UnitCostCalculator.Grain.DAY, D1, D2);
        assertEquals(d("0E-10"), rows.get(0).unitCost());
        m.put(D1, d("40000000000")); // 10 / 4e10 = 0.00000000025 -> 0.0000000002
        rows = UnitCostCalculator.compute(List.of(new CostDay(D1, "USD", d("10"))), m, UnitCostCalculator.Grain.DAY, D1, D2);
        assertEquals(d("0.0000000002"), rows.get(0).unitCost());
    }

    @Test
    void monthGrainSumsTheDaysAndNeedsEveryDayOfTheWindow() {
        List<UnitCost> rows = UnitCostCalculator.compute(COSTS, metric(), UnitCostCalculator.Grain.MONTH, D1, D4.plusDays(1));
        assertEquals(4, rows.size(), "2 months x 2 currencies");
        // November (29th, 30th): USD 160.00 / 403 = 0.3970223325 (0.397022332506...), EUR 30.00 / 403 = 0.0744416873 (0.07444168734...)
        assertEquals(new UnitCost("2026-11", "EUR", d("30.00"), d("403"), 2, 2, d("0.0744416873")), rows.get(0));
        assertEquals(new UnitCost("2026-11", "USD", d("160.00"), d("403"), 2, 2, d("0.3970223325")), rows.get(1));
        // December: 1st has 0, 2nd is missing -> null
        assertEquals(new UnitCost("2026-12", "USD", d("27.00"), d("0"), 1, 2, null), rows.get(3));
        // with the 2nd given, 27.00 / 5 = 5.4
        TreeMap<LocalDate, BigDecimal> m = metric();
        m.put(D4, d("5"));
        rows = UnitCostCalculator.compute(COSTS, m, UnitCostCalculator.Grain.MONTH, D1, D4.plusDays(1));
        assertEquals(d("5.4000000000"), rows.get(3).unitCost());
        assertEquals(0, rows.get(2).cost().signum(), "EUR has no December cost");
    }

    @Test
    void costsOutsideTheWindowAreIgnored() {
        List<UnitCost> rows = UnitCostCalculator.compute(COSTS, metric(), UnitCostCalculator.Grain.DAY, D2, D3);
        assertEquals(1, rows.size(), "EUR has no cost in the window: no EUR row");
        assertEquals(d("20.0000000000"), rows.get(0).unitCost());
    }
}
