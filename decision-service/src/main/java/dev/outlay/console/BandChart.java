/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.anomalies.AnomalyDetector;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An anomaly's series as SVG: the band the detector compared each day against (a shaded polygon from the low to the
 * high edge), the baseline (dashed) and the cost (solid), with the anomaly's day marked. The table beside it carries
 * every day's figures and says in words whether the day lies outside the band.
 */
public record BandChart(String currency, String band, String baseline, String cost, String markerX, String markerY,
                        String scaleMin, String scaleMax, int width, int height, List<Row> table) {

    /** @param outside {@code above}, {@code below} or empty */
    public record Row(String day, String cost, String low, String baseline, String high, String outside, boolean anomalyDay) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 200;

    static BandChart of(String currency, LocalDate anomalyDay, List<AnomalyDetector.BandDay> days) {
        if (days.isEmpty()) return null;
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (AnomalyDetector.BandDay d : days) {
            min = min.min(d.low()).min(d.cost());
            max = max.max(d.high()).max(d.cost());
        }
        LocalDate first = days.get(0).day();
        long span = Math.max(1, days.get(days.size() - 1).day().toEpochDay() - first.toEpochDay());
        StringBuilder upper = new StringBuilder();
        List<String> lower = new ArrayList<>();
        StringBuilder base = new StringBuilder();
        StringBuilder cost = new StringBuilder();
        String mx = "";
        String my = "";
        List<Row> table = new ArrayList<>();
        for (AnomalyDetector.BandDay d : days) {
            String x = x(d.day(), first, span);
            append(upper, x, y(d.high(), min, max));
            lower.add(x + "," + y(d.low(), min, max));
            append(base, x, y(d.baseline(), min, max));
            append(cost, x, y(d.cost(), min, max));
            boolean isAnomaly = d.day().equals(anomalyDay);
            if (isAnomaly) {
                mx = x;
                my = y(d.cost(), min, max);
            }
            String outside = d.cost().compareTo(d.high()) > 0 ? "above" : d.cost().compareTo(d.low()) < 0 ? "below" : "";
            table.add(new Row(d.day().toString(), cell(d.cost(), currency), cell(d.low(), currency), cell(d.baseline(), currency),
                    cell(d.high(), currency), outside, isAnomaly));
        }
        StringBuilder polygon = new StringBuilder(upper);
        for (int i = lower.size() - 1; i >= 0; i--) polygon.append(' ').append(lower.get(i));
        return new BandChart(currency, polygon.toString(), base.toString(), cost.toString(), mx, my, cell(min, currency),
                cell(max, currency), WIDTH, HEIGHT, table);
    }

    private static String cell(BigDecimal v, String currency) {
        return currency == null ? v.toPlainString() : MinorUnits.cell(v, currency);
    }

    private static void append(StringBuilder sb, String x, String y) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(x).append(',').append(y);
    }

    private static String x(LocalDate d, LocalDate first, long span) {
        return BigDecimal.valueOf(d.toEpochDay() - first.toEpochDay()).multiply(BigDecimal.valueOf(WIDTH))
                .divide(BigDecimal.valueOf(span), 1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String y(BigDecimal v, BigDecimal min, BigDecimal max) {
        BigDecimal range = max.subtract(min);
        if (range.signum() == 0) return Integer.toString(HEIGHT);
        return BigDecimal.valueOf(HEIGHT - 4).subtract(v.subtract(min).multiply(BigDecimal.valueOf(HEIGHT - 8)).divide(range, 1, RoundingMode.HALF_EVEN))
                .toPlainString();
    }
}
