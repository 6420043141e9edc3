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
package dev.outlay.findings;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Aggregates hourly (or any sub-daily) samples into UTC days. Gaps are kept visible: a day without samples is
 * returned with zero coverage rather than left out, so a detector asking "low on 4 of 14 days" sees missing days
 * as missing, never as idle.
 */
public final class MetricAggregator {

    private record Series(String resourceId, MetricName metric) {
    }

    private static final Comparator<Series> ORDER = Comparator.comparing(Series::resourceId)
            .thenComparing(Series::metric);

    /**
     * Daily aggregates for every (resource, metric) present in {@code samples}, for every day in
     * [{@code from}, {@code to}] inclusive, ordered by resource, metric, day. A series with samples only outside
     * the window still appears, with zero coverage on every day.
     */
    @SuppressWarnings("unchecked")
    public List<DailyMetric> daily(List<MetricSample> samples, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("window ends before it starts");
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        int days = (int) (toDay - fromDay + 1);
        // Hash grouping, one slot per day; sorted once at the end (a scan aggregates millions of hourly samples).
        Map<Series, List<MetricSample>[]> bySeries = new HashMap<>();
        for (MetricSample s : samples) {
            validate(s);
            List<MetricSample>[] slots = bySeries.computeIfAbsent(new Series(s.resourceId(), s.metric()),
                    k -> new List[days]);
            long day = Math.floorDiv(s.periodStart().getEpochSecond(), DailyMetric.SECONDS_PER_DAY);
            if (day < fromDay || day > toDay) continue;
            int i = (int) (day - fromDay);
            if (slots[i] == null) slots[i] = new ArrayList<>(24);
            slots[i].add(s);
        }
        List<Series> series = new ArrayList<>(bySeries.keySet());
        series.sort(ORDER);
        List<DailyMetric> out = new ArrayList<>(series.size() * days);
        for (Series key : series) {
            List<MetricSample>[] slots = bySeries.get(key);
            for (int i = 0; i < days; i++) {
                out.add(aggregate(key.resourceId(), key.metric(), LocalDate.ofEpochDay(fromDay + i),
                        slots[i] == null ? List.of() : slots[i]));
            }
        }
        return out;
    }

    private static DailyMetric aggregate(String resourceId, MetricName metric, LocalDate day,
                                         List<MetricSample> samples) {
        if (samples.isEmpty()) return new DailyMetric(resourceId, metric, day, null, null, null, 0);
        List<MetricSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(MetricSample::periodStart));
        Instant midnight = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        BigDecimal avgTotal = BigDecimal.ZERO;
        BigDecimal max = null;
        BigDecimal sum = null;
        long covered = 0;
        Instant lastEnd = null;
        for (MetricSample s : sorted) {
            if (lastEnd != null && s.periodStart().isBefore(lastEnd)) {
                throw new InvalidMetricSeriesException(resourceId, "periodStart",
                        metric.wireName() + " of " + resourceId + " has overlapping periods at " + s.periodStart());
            }
            lastEnd = s.periodStart().plusSeconds(s.periodSeconds());
            if (lastEnd.isAfter(midnight)) {
                throw new InvalidMetricSeriesException(resourceId, "periodSeconds",
                        metric.wireName() + " of " + resourceId + " has a period crossing midnight UTC at "
                                + s.periodStart());
            }
            covered += s.periodSeconds();
            if (s.average() != null) avgTotal = avgTotal.add(s.average());
            BigDecimal m = s.maximum() != null ? s.maximum() : s.average();
            if (m != null) max = max == null ? m : max.max(m);
            if (s.sum() != null) sum = sum == null ? s.sum() : sum.add(s.sum());
        }
        BigDecimal avg = avgTotal.divide(BigDecimal.valueOf(sorted.size()), 6, RoundingMode.HALF_EVEN);
        return new DailyMetric(resourceId, metric, day, avg, max, sum, covered);
    }

    private static void validate(MetricSample s) {
        check(s, "average", s.average());
        check(s, "maximum", s.maximum());
        check(s, "sum", s.sum());
        if (s.average() == null && s.maximum() == null && s.sum() == null) {
            throw new InvalidMetricSeriesException(s.resourceId(), "average",
                    s.metric().wireName() + " of " + s.resourceId() + " at " + s.periodStart() + " has no value");
        }
    }

    private static void check(MetricSample s, String field, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            throw new InvalidMetricSeriesException(s.resourceId(), field, s.metric().wireName() + " of "
                    + s.resourceId() + " at " + s.periodStart() + " has a negative " + field + " (" + v + ")");
        }
    }
}
