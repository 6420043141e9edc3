/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Unit cost = allocated cost / metric value, per period and currency, with exact decimal arithmetic. The quotient
 * has {@link #SCALE} fractional digits, rounded HALF_EVEN (no bias when many unit costs are summed or averaged).
 * Costs of different currencies are never added: each currency gets its own row over the same metric.
 */
public final class UnitCostCalculator {

    /** Fractional digits of every unit cost: enough for fractions of a cent per request at billions of requests. */
    public static final int SCALE = 10;

    public enum Grain {
        DAY, MONTH;

        public static Grain parse(String s) {
            return switch (s == null ? "day" : s) {
                case "day" -> DAY;
                case "month" -> MONTH;
                default -> null;
            };
        }
    }

    private UnitCostCalculator() {
    }

    /** Rows for every period of [{@code from}, {@code to}) and every currency the scope has cost in, period then currency order. */
    public static List<UnitCost> compute(List<CostDay> costs, SortedMap<LocalDate, BigDecimal> metric, Grain grain,
                                         LocalDate from, LocalDate to) {
        TreeSet<String> currencies = new TreeSet<>();
        Map<String, TreeMap<LocalDate, BigDecimal>> byCurrency = new TreeMap<>();
        for (CostDay c : costs) {
            if (c.day().isBefore(from) || !c.day().isBefore(to)) continue;
            currencies.add(c.currency());
            byCurrency.computeIfAbsent(c.currency(), k -> new TreeMap<>()).merge(c.day(), c.amount(), BigDecimal::add);
        }
        List<UnitCost> out = new ArrayList<>();
        LocalDate start = from;
        while (start.isBefore(to)) {
            LocalDate end = grain == Grain.DAY ? start.plusDays(1) : min(start.withDayOfMonth(1).plusMonths(1), to);
            String period = grain == Grain.DAY ? start.toString() : YearMonth.from(start).toString();
            int days = (int) (end.toEpochDay() - start.toEpochDay());
            SortedMap<LocalDate, BigDecimal> inPeriod = metric.subMap(start, end);
            BigDecimal metricValue = inPeriod.isEmpty() ? null : inPeriod.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            int metricDays = inPeriod.size();
            for (String currency : currencies) {
                BigDecimal cost = byCurrency.get(currency).subMap(start, end).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal unit = metricValue == null || metricDays < days || metricValue.signum() == 0
                        ? null : cost.divide(metricValue, SCALE, RoundingMode.HALF_EVEN);
                out.add(new UnitCost(period, currency, cost, metricValue, metricDays, days, unit));
            }
            start = end;
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
