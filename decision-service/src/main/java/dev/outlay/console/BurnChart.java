/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.budgets.DailyAmount;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A budget's burn over its period as SVG, computed server side: the cumulative actual (solid) up to the as-of day,
 * the cumulative forecast (dashed) from there to the period's end, and the budget as a horizontal line. The table
 * beside it carries every day's cumulative figure and whether it is actual or forecast, so nothing is told by the
 * line style alone.
 *
 * @param actualPoints   polyline points of the cumulative actual, empty before the first day
 * @param forecastPoints polyline points of the cumulative forecast, starting where the actual ends
 * @param budgetY        the budget line's y
 */
public record BurnChart(String currency, String actualPoints, String forecastPoints, String budgetY, String scaleMax,
                        int width, int height, List<Day> table) {

    /** @param kind {@code actual} or {@code forecast} */
    public record Day(String day, String kind, String cumulative) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 200;

    /** {@code end} is exclusive; actual days are those before {@code asOf}, forecast days from it. */
    public static BurnChart of(String currency, LocalDate start, LocalDate end, LocalDate asOf, BigDecimal budget,
                               List<DailyAmount> actuals, List<DailyAmount> forecast) {
        Map<LocalDate, BigDecimal> spent = new HashMap<>();
        for (DailyAmount a : actuals) spent.merge(a.day(), a.amount(), BigDecimal::add);
        Map<LocalDate, BigDecimal> ahead = new HashMap<>();
        for (DailyAmount f : forecast) ahead.merge(f.day(), f.amount(), BigDecimal::add);

        List<Day> table = new ArrayList<>();
        List<BigDecimal[]> actualXY = new ArrayList<>();
        List<BigDecimal[]> forecastXY = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal max = budget;
        long days = Math.max(1, end.toEpochDay() - start.toEpochDay());
        // A day's cumulative value is drawn at the day's end, so x runs over [0, days] and the origin is the period start.
        BigDecimal[] origin = {BigDecimal.ZERO, BigDecimal.ZERO};
        actualXY.add(origin);
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
            boolean isActual = d.isBefore(asOf);
            running = running.add(isActual ? spent.getOrDefault(d, BigDecimal.ZERO) : ahead.getOrDefault(d, BigDecimal.ZERO));
            max = max.max(running);
            BigDecimal[] xy = {BigDecimal.valueOf(d.toEpochDay() - start.toEpochDay() + 1), running};
            if (isActual) actualXY.add(xy);
            else {
                if (forecastXY.isEmpty()) forecastXY.add(actualXY.get(actualXY.size() - 1));
                forecastXY.add(xy);
            }
            table.add(new Day(d.toString(), isActual ? "actual" : "forecast", MinorUnits.cell(running, currency)));
        }
        if (actualXY.size() == 1) actualXY.clear();
        return new BurnChart(currency, points(actualXY, days, max), points(forecastXY, days, max), y(budget, max).toPlainString(),
                MinorUnits.cell(max, currency), WIDTH, HEIGHT, table);
    }

    private static String points(List<BigDecimal[]> xy, long days, BigDecimal max) {
        StringBuilder sb = new StringBuilder();
        for (BigDecimal[] p : xy) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(p[0].multiply(BigDecimal.valueOf(WIDTH)).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_EVEN).toPlainString())
                    .append(',').append(y(p[1], max).toPlainString());
        }
        return sb.toString();
    }

    private static BigDecimal y(BigDecimal v, BigDecimal max) {
        if (max.signum() == 0) return BigDecimal.valueOf(HEIGHT);
        return BigDecimal.valueOf(HEIGHT).subtract(v.multiply(BigDecimal.valueOf(HEIGHT - 8)).divide(max, 1, RoundingMode.HALF_EVEN));
    }
}
