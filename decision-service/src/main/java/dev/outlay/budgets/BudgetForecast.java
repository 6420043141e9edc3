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

    static final int PROFILE_DAYS = 28;
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
        LocalDate cut = asOf.isBefore(period.start()) ? period.start() : asOf.isAfter(period.end()) ? period.end() : asOf;
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        for (DailyAmount d : history) byDay.merge(d.day(), d.amount(), BigDecimal::add);

        BigDecimal actual = BigDecimal.ZERO;
        for (LocalDate d = period.start(); d.isBefore(cut); d = d.plusDays(1)) {
            actual = actual.add(byDay.getOrDefault(d, BigDecimal.ZERO));
        }
        long elapsed = ChronoUnit.DAYS.between(period.start(), cut);
        BigDecimal burn = elapsed == 0 ? BigDecimal.ZERO : actual.divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);

        // Observed days in the profile window: from the earliest day we have data for (or the window start) up to the cut.
        LocalDate windowStart = cut.minusDays(PROFILE_DAYS);
        LocalDate firstKnown = byDay.keySet().stream().min(LocalDate::compareTo).orElse(cut);
        LocalDate profileStart = firstKnown.isAfter(windowStart) ? firstKnown : windowStart;
        long observed = Math.max(0, ChronoUnit.DAYS.between(profileStart, cut));

        Map<DayOfWeek, BigDecimal> sum = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Integer> count = new EnumMap<>(DayOfWeek.class);
        for (LocalDate d = profileStart; d.isBefore(cut); d = d.plusDays(1)) {
            sum.merge(d.getDayOfWeek(), byDay.getOrDefault(d, BigDecimal.ZERO), BigDecimal::add);
            count.merge(d.getDayOfWeek(), 1, Integer::sum);
        }
        boolean profiled = observed >= MIN_PROFILE_DAYS;
        BigDecimal rest = BigDecimal.ZERO;
        for (LocalDate d = cut; d.isBefore(period.end()); d = d.plusDays(1)) {
            if (profiled && count.containsKey(d.getDayOfWeek())) {
                rest = rest.add(sum.get(d.getDayOfWeek()).divide(BigDecimal.valueOf(count.get(d.getDayOfWeek())), 6, RoundingMode.HALF_UP));
            } else {
                rest = rest.add(burn);
            }
        }
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
}
