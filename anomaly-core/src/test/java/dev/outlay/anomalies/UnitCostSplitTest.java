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
package dev.outlay.anomalies;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Volume vs efficiency split of a unit-cost KPI's cost move, against numbers computed by hand. */
class UnitCostSplitTest {

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void goldenSplits() {
        // c0 100.00 over v0 1000 (u0 0.1); c1 150.00 over v1 1200 (u1 0.125):
        // volume = 200 × 0.1 = 20; efficiency = 1200 × 0.025 = 30; 20 + 30 = 50 = Δcost
        UnitCostSplit s = UnitCostSplit.of(new BigDecimal("100.00"), new BigDecimal("1000"), new BigDecimal("150.00"), new BigDecimal("1200"));
        eq("0.1", s.baselineUnitCost());
        eq("0.125", s.unitCost());
        eq("20", s.volumeEffect());
        eq("30", s.efficiencyEffect());
        assertEquals(UnitCostSplit.Driver.MIXED, s.driver(), "20 / 50 = 0.4: neither explains 70 %");
        eq("0.4000", s.volumeShare());

        // pure volume: 1000 → 1500 units at 0.1 → 150.00: volume 50, efficiency 0
        UnitCostSplit v = UnitCostSplit.of(new BigDecimal("100.00"), new BigDecimal("1000"), new BigDecimal("150.00"), new BigDecimal("1500"));
        eq("50", v.volumeEffect());
        eq("0", v.efficiencyEffect());
        assertEquals(UnitCostSplit.Driver.VOLUME, v.driver());

        // pure efficiency: same 1000 units, 0.1 → 0.13: volume 0, efficiency 30
        UnitCostSplit e = UnitCostSplit.of(new BigDecimal("100.00"), new BigDecimal("1000"), new BigDecimal("130.00"), new BigDecimal("1000"));
        eq("0", e.volumeEffect());
        eq("30", e.efficiencyEffect());
        assertEquals(UnitCostSplit.Driver.EFFICIENCY, e.driver());

        // non-terminating: c0 100.00 / v0 3 → u0 33.3333333333; v1 4, c1 140.00: volume = 1 × 100 / 3 = 33.3333333333
        // (the only rounding); efficiency = 40.00 − 33.3333333333 = 6.6666666667; they add up to 40 exactly
        UnitCostSplit r = UnitCostSplit.of(new BigDecimal("100.00"), new BigDecimal("3"), new BigDecimal("140.00"), new BigDecimal("4"));
        assertEquals(new BigDecimal("33.3333333333"), r.volumeEffect());
        assertEquals(new BigDecimal("6.6666666667"), r.efficiencyEffect());
        assertEquals(new BigDecimal("40.0000000000"), r.volumeEffect().add(r.efficiencyEffect()));
        assertEquals(new BigDecimal("35.0000000000"), r.unitCost());

        // no baseline units: unit cost undefined, the whole move is volume
        UnitCostSplit n = UnitCostSplit.of(new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("25.00"), new BigDecimal("5"));
        assertNull(n.baselineUnitCost());
        eq("15.00", n.volumeEffect());
        eq("0", n.efficiencyEffect());
    }

    @Test
    void theDetectorsKpiAnomalyCarriesTheSplit() {
        // 42 flat days of 100.00 for 1000 orders, then 150.00 for 1200 orders: baseline 100.00 / 1000
        List<DailyPoint> points = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 9, 1);
        for (int d = 0; d < 42; d++) points.add(DailyPoint.of(start.plusDays(d), new BigDecimal("100.00"), new BigDecimal("1000"), true));
        LocalDate day = start.plusDays(42);
        points.add(DailyPoint.of(day, new BigDecimal("150.00"), new BigDecimal("1200"), true));
        DailySeries s = new DailySeries(SeriesKey.kpi("cost-per-order", "EUR"), points);
        List<Anomaly> found = new AnomalyDetector(DetectionParameters.defaults()).detect(List.of(s), day, day).anomalies();
        assertEquals(1, found.size(), found.toString());
        Anomaly a = found.get(0);
        assertEquals("kpi=cost-per-order|ccy=EUR", a.series().canonical());
        assertEquals(a.series(), SeriesKey.parse(a.series().canonical(), null, null));
        UnitCostSplit split = UnitCostSplit.of(a);
        eq("100.00", split.baselineCost());
        eq("1000", split.baselineVolume());
        eq("20", split.volumeEffect());
        eq("30", split.efficiencyEffect());
        eq("50.00", a.impact());
    }
}
