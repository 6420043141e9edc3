/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BudgetForecastTest {

    static final BudgetPeriod NOV = BudgetPeriod.containing("month", LocalDate.of(2026, 11, 15));

    static List<DailyAmount> days(LocalDate from, LocalDate to, java.util.function.Function<LocalDate, Integer> amount) {
        List<DailyAmount> out = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) out.add(new DailyAmount(d, BigDecimal.valueOf(amount.apply(d))));
        return out;
    }

    @Test
    void periodsAreCalendarMonthsAndQuarters() {
        assertEquals(new BudgetPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)), NOV);
        assertEquals(new BudgetPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)),
                BudgetPeriod.containing("quarter", LocalDate.of(2026, 11, 27)));
        assertEquals(30, NOV.days());
    }

    @Test
    void weekdayProfileForecastsLeanWeekends() {
        // 100 on weekdays, 10 on weekends, for 6 weeks up to 15 Nov (exclusive).
        LocalDate asOf = LocalDate.of(2026, 11, 15);
        var history = days(asOf.minusDays(42), asOf, d -> d.getDayOfWeek().getValue() >= 6 ? 10 : 100);
        var s = BudgetForecast.compute(NOV, asOf, new BigDecimal("2000"), "USD", List.of(50, 80, 100), history);
        // 1..14 Nov: 10 weekdays + 4 weekend days.
        assertEquals(new BigDecimal("1040.00"), s.actualToDate());
        // 15..30 Nov: 15 Nov is a Sunday; 16 days = 11 weekdays + 5 weekend days (Sun 15, Sat 21, Sun 22, Sat 28, Sun 29).
        assertEquals(new BigDecimal("2190.00"), s.forecastAtPeriodEnd());
        assertEquals("weekday-profile-28d", s.method());
        assertEquals(new BigDecimal("74.29"), s.burnRatePerDay());
        assertEquals(new BigDecimal("960.00"), s.remaining());
        assertEquals(new BigDecimal("9.50"), s.forecastOverrunPct());
        assertEquals(List.of(new BudgetForecast.Threshold(50, "actual"), new BudgetForecast.Threshold(80, "forecast"),
                new BudgetForecast.Threshold(100, "forecast")), s.thresholdsCrossed());
        assertEquals(14, s.daysElapsed());
    }

    @Test
    void fewDaysFallBackToRunRate() {
        LocalDate asOf = LocalDate.of(2026, 11, 4);
        var s = BudgetForecast.compute(NOV, asOf, new BigDecimal("10000"), "USD", List.of(80),
                days(LocalDate.of(2026, 11, 1), asOf, d -> 30));
        assertEquals("run-rate", s.method());
        assertEquals(new BigDecimal("90.00"), s.actualToDate());
        assertEquals(new BigDecimal("900.00"), s.forecastAtPeriodEnd());
        assertEquals(BigDecimal.ZERO, s.forecastOverrunPct().stripTrailingZeros());
        assertEquals(List.of(), s.thresholdsCrossed());
    }

    @Test
    void noDataMeansNothingSpentAndNothingForecast() {
        var s = BudgetForecast.compute(NOV, LocalDate.of(2026, 11, 1), new BigDecimal("500"), "USD", List.of(80, 100), List.of());
        assertEquals(new BigDecimal("0.00"), s.actualToDate());
        assertEquals(new BigDecimal("0.00"), s.forecastAtPeriodEnd());
        assertEquals(new BigDecimal("500.00"), s.remaining());
        assertEquals(0, s.daysElapsed());
    }

    @Test
    void sameInputsSameAnswer() {
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        var h = days(asOf.minusDays(30), asOf, d -> d.getDayOfMonth() * 3);
        assertEquals(BudgetForecast.compute(NOV, asOf, BigDecimal.TEN, "USD", List.of(100), h),
                BudgetForecast.compute(NOV, asOf, BigDecimal.TEN, "USD", List.of(100), h));
    }
}
