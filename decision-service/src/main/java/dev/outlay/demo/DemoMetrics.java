/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.economics.MetricValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated daily request counts per product for the demo tenant: a base per product, a weekly shape (weekends
 * lower) and a slow growth, so unit costs move for a reason a reader can see. Pure integers: the same days give
 * the same values on every run.
 */
public final class DemoMetrics {

    /** Products of the generated ledger, each with its weekday request volume. */
    static final String[] PRODUCTS = {"checkout", "catalog", "insights", "storefront", "recommendations"};
    static final long[] BASE = {120_000, 340_000, 45_000, 510_000, 260_000};

    private DemoMetrics() {
    }

    /** One value per product and day, {@code days} days ending at {@code lastDay}. */
    public static List<MetricValue> requests(LocalDate lastDay, int days) {
        List<MetricValue> out = new ArrayList<>();
        LocalDate first = lastDay.minusDays(days - 1L);
        for (int p = 0; p < PRODUCTS.length; p++) {
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                boolean weekend = day.getDayOfWeek().getValue() >= 6;
                // 0.1 % growth a day and a 35 % weekend dip, in integer arithmetic.
                long value = BASE[p] * (1000 + d) / 1000 * (weekend ? 65 : 100) / 100;
                out.add(new MetricValue(day, PRODUCTS[p], BigDecimal.valueOf(value)));
            }
        }
        return out;
    }
}
