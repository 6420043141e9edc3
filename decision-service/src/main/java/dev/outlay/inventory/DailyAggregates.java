/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.findings.DailyMetric;
import dev.outlay.findings.MetricAggregator;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples → UTC daily aggregates, one series at a time over that series' own first to last day. Days inside a
 * series without samples come back with 0 covered seconds (a visible gap); days outside it are not written, so an
 * import that covers other resources or other days never overwrites a series it does not carry.
 */
final class DailyAggregates {

    private record Series(String resourceId, MetricName metric) {
    }

    private static final MetricAggregator AGGREGATOR = new MetricAggregator();

    private DailyAggregates() {
    }

    static List<DailyMetric> of(List<MetricSample> samples) {
        Map<Series, List<MetricSample>> bySeries = new TreeMap<>(Comparator.comparing(Series::resourceId)
                .thenComparing(Series::metric));
        for (MetricSample s : samples) {
            bySeries.computeIfAbsent(new Series(s.resourceId(), s.metric()), k -> new ArrayList<>()).add(s);
        }
        List<DailyMetric> out = new ArrayList<>();
        for (List<MetricSample> series : bySeries.values()) {
            LocalDate from = null;
            LocalDate to = null;
            for (MetricSample s : series) {
                LocalDate d = s.periodStart().atZone(ZoneOffset.UTC).toLocalDate();
                if (from == null || d.isBefore(from)) from = d;
                if (to == null || d.isAfter(to)) to = d;
            }
            out.addAll(AGGREGATOR.daily(series, from, to));
        }
        return out;
    }

    static int gaps(List<DailyMetric> days) {
        return (int) days.stream().filter(d -> !d.complete()).count();
    }
}
