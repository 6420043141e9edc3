/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A daily series of one currency drawn as an SVG polyline, computed server side so the page needs no charting script.
 * Pixel positions come from the exact decimals (scaled once at the end); the table beside it carries the numbers.
 * Days without cost are drawn at zero, so a gap in the data shows as a drop, not as a straight line over it.
 */
public record LineChart(String currency, String points, String max, String first, String last, int width, int height,
                        List<Point> table) {

    public record Point(String day, String amount) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 160;

    public static LineChart of(String currency, LocalDate from, LocalDate to, SortedMap<LocalDate, BigDecimal> byDay) {
        BigDecimal max = byDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay() - 1);
        StringBuilder pts = new StringBuilder();
        List<Point> table = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            BigDecimal v = byDay.getOrDefault(d, BigDecimal.ZERO);
            BigDecimal x = BigDecimal.valueOf(d.toEpochDay() - from.toEpochDay()).multiply(BigDecimal.valueOf(WIDTH))
                    .divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_EVEN);
            BigDecimal y = max.signum() == 0 ? BigDecimal.valueOf(HEIGHT)
                    : BigDecimal.valueOf(HEIGHT).subtract(v.multiply(BigDecimal.valueOf(HEIGHT - 8)).divide(max, 1, RoundingMode.HALF_EVEN));
            if (!pts.isEmpty()) pts.append(' ');
            pts.append(x.toPlainString()).append(',').append(y.toPlainString());
            if (byDay.containsKey(d)) table.add(new Point(d.toString(), MinorUnits.cell(v, currency)));
        }
        return new LineChart(currency, pts.toString(), MinorUnits.cell(max, currency), from.toString(),
                to.minusDays(1).toString(), WIDTH, HEIGHT, table);
    }

    static Map<String, SortedMap<LocalDate, BigDecimal>> empty() {
        return new java.util.TreeMap<>();
    }
}
