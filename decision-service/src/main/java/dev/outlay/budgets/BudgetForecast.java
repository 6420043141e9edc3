/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic budget status: actual to date, burn rate, month/quarter-end forecast and crossed thresholds.
 *
 * <p>Forecast method (documented in README): days before {@code asOf} are actuals (a missing day counts as 0);
 * {@code asOf} itself and later days are forecast. Each remaining day is forecast with the mean spend of the same
 * weekday over the last 28 days before {@code asOf} (a day-of-week profile: weekends on a lean workload stay lean).
 * With fewer than 7 observed days that profile is unreliable, so every remaining day gets the plain run rate
 * (actual to date / elapsed days) instead. No randomness, no clock: the same inputs always give the same answer.
 */
public final class BudgetForecast {

    public static final int PROFILE_DAYS = 28;
    static final int MIN_PROFILE_DAYS = 7;

    private BudgetForecast() {
    }

    public record Threshold(int pct, String basis) {
    }

    /** Every amount of a status is in {@code currency}, the budget's: actuals are read in that currency only. */
    public record Status(BudgetPeriod period, LocalDate asOf, String currency, BigDecimal budget, BigDecimal actualToDate,
                         BigDecimal burnRatePerDay, BigDecimal forecastAtPeriodEnd, BigDecimal remaining,
                         BigDecimal forecastOverrunPct, long daysElapsed, long daysInPeriod, String method,
                         List<Threshold> thresholdsCrossed) {
    }

    /** @param history daily actuals covering at least the period so far; older days feed the weekday profile */
    public static Status compute(BudgetPeriod period, LocalDate asOf, BigDecimal budget, String currency, List<Integer> thresholdPcts,
                                 List<DailyAmount> history) {
        Basis basis = Basis.of(period, asOf, history);
        LocalDate cut = basis.cut();
        BigDecimal actual = basis.actual();
        long elapsed = basis.elapsed();
        BigDecimal burn = basis.burn();
        Map<LocalDate, BigDecimal> byDay = basis.byDay();

        List<DailyAmount> ahead = forecastDays(period, cut, byDay, burn);
        boolean profiled = profiled(cut, byDay);
        BigDecimal rest = BigDecimal.ZERO;
        for (DailyAmount d : ahead) rest = rest.add(d.amount());
        BigDecimal forecast = actual.add(rest).setScale(2, RoundingMode.HALF_UP);
        BigDecimal remaining = budget.subtract(actual).setScale(2, RoundingMode.HALF_UP);
        BigDecimal overrunPct = budget.signum() == 0
                ? (forecast.signum() > 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO)
                : forecast.subtract(budget).multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP).max(BigDecimal.ZERO);

        List<Threshold> crossed = new ArrayList<>();
        for (int pct : thresholdPcts.stream().sorted().toList()) {
            BigDecimal line = budget.multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
            if (actual.compareTo(line) >= 0) crossed.add(new Threshold(pct, "actual"));
            else if (forecast.compareTo(line) >= 0) crossed.add(new Threshold(pct, "forecast"));
        }
        return new Status(period, cut, currency, budget, actual.setScale(2, RoundingMode.HALF_UP), burn, forecast, remaining, overrunPct,
                elapsed, period.days(), profiled ? "weekday-profile-28d" : "run-rate", List.copyOf(crossed));
    }

    /**
     * The day-by-day forecast {@link #compute} sums, for a chart: one entry per day from {@code asOf} (clamped to the
     * period) to the period's end, each the day's forecast spend (not cumulative), at the scale the sum uses.
     */
    public static List<DailyAmount> forecastPath(BudgetPeriod period, LocalDate asOf, List<DailyAmount> history) {
        Basis b = Basis.of(period, asOf, history);
        return forecastDays(period, b.cut(), b.byDay(), b.burn());
    }

    /** What both the status and the path rest on: the cut day, the actuals by day, the actual to date and its run rate. */
    private record Basis(LocalDate cut, Map<LocalDate, BigDecimal> byDay, BigDecimal actual, long elapsed, BigDecimal burn) {

        static Basis of(BudgetPeriod period, LocalDate asOf, List<DailyAmount> history) {
            LocalDate cut = asOf.isBefore(period.start()) ? period.start() : asOf.isAfter(period.end()) ? period.end() : asOf;
            Map<LocalDate, BigDecimal> byDay = new HashMap<>();
            for (DailyAmount d : history) byDay.merge(d.day(), d.amount(), BigDecimal::add);
            BigDecimal actual = BigDecimal.ZERO;
            for (LocalDate d = period.start(); d.isBefore(cut); d = d.plusDays(1)) actual = actual.add(byDay.getOrDefault(d, BigDecimal.ZERO));
            long elapsed = ChronoUnit.DAYS.between(period.start(), cut);
            BigDecimal burn = elapsed == 0 ? BigDecimal.ZERO : actual.divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
            return new Basis(cut, byDay, actual, elapsed, burn);
        }
    }

    // Observed days in the profile window: from the earliest day we have data for (or the window start) up to the cut.
    private static LocalDate profileStart(LocalDate cut, Map<LocalDate, BigDecimal> byDay) {
        LocalDate windowStart = cut.minusDays(PROFILE_DAYS);
        LocalDate firstKnown = byDay.keySet().stream().min(LocalDate::compareTo).orElse(cut);
        return firstKnown.isAfter(windowStart) ? firstKnown : windowStart;
    }

    private static boolean profiled(LocalDate cut, Map<LocalDate, BigDecimal> byDay) {
        return Math.max(0, ChronoUnit.DAYS.between(profileStart(cut, byDay), cut)) >= MIN_PROFILE_DAYS;
    }

    private static List<DailyAmount> forecastDays(BudgetPeriod period, LocalDate cut, Map<LocalDate, BigDecimal> byDay, BigDecimal burn) {
        Map<DayOfWeek, BigDecimal> sum = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Integer> count = new EnumMap<>(DayOfWeek.class);
        for (LocalDate d = profileStart(cut, byDay); d.isBefore(cut); d = d.plusDays(1)) {
            sum.merge(d.getDayOfWeek(), byDay.getOrDefault(d, BigDecimal.ZERO), BigDecimal::add);
            count.merge(d.getDayOfWeek(), 1, Integer::sum);
        }
        boolean profiled = profiled(cut, byDay);
        List<DailyAmount> out = new ArrayList<>();
        for (LocalDate d = cut; d.isBefore(period.end()); d = d.plusDays(1)) {
            BigDecimal v = profiled && count.containsKey(d.getDayOfWeek())
                    ? sum.get(d.getDayOfWeek()).divide(BigDecimal.valueOf(count.get(d.getDayOfWeek())), 6, RoundingMode.HALF_UP)
                    : burn;
            out.add(new DailyAmount(d, v));
        }
        return out;
    }
}
