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
package dev.outlay.anomalies.benchmark;

import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.DetectionResult;
import dev.outlay.anomalies.SeriesKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores detections against labels. The detector never sees the labels; this class only reads both after the
 * fact.
 * <ul>
 *   <li>Alert events: a series' anomalous days in the same direction at most {@value #EVENT_GAP_DAYS} days
 *       apart are one event (that is what an on-call person would see once suppression groups them).</li>
 *   <li>An event is a true positive when it starts between a label's start and {@value #SETTLE_DAYS} days
 *       after its {@code detectBy} day (a persistent change keeps alerting until the baseline absorbs it).</li>
 *   <li>A label is detected when any anomalous day in its direction falls in [start, detectBy].</li>
 * </ul>
 */
public final class BenchmarkEvaluator {

    static final int EVENT_GAP_DAYS = 3;
    static final int SETTLE_DAYS = 21;

    private final BigDecimal minAbsolute;
    private final BigDecimal minRelative;

    public BenchmarkEvaluator(BigDecimal minAbsolute, BigDecimal minRelative) {
        this.minAbsolute = minAbsolute;
        this.minRelative = minRelative;
    }

    public EvaluationReport evaluate(List<LabelledSeries> benchmark, DetectionResult result) {
        Map<SeriesKey, List<Anomaly>> bySeries = new HashMap<>();
        for (Anomaly a : result.anomalies()) {
            bySeries.computeIfAbsent(a.series(), k -> new ArrayList<>()).add(a);
        }
        Map<AnomalyKind, Acc> perKind = new EnumMap<>(AnomalyKind.class);
        Acc all = new Acc();
        int controlSeries = 0;
        long controlWeeks = 0;
        int controlEvents = 0;
        for (LabelledSeries ls : benchmark) {
            List<Anomaly> found = bySeries.getOrDefault(ls.series().key(), List.of());
            List<Anomaly> starts = eventStarts(found);
            if (ls.control()) {
                controlSeries++;
                controlWeeks += ls.series().points().size() / 7;
                controlEvents += starts.size();
                all.events += starts.size();
                continue;
            }
            Acc acc = perKind.computeIfAbsent(ls.kind(), k -> new Acc());
            acc.series++;
            for (Anomaly e : starts) {
                boolean tp = ls.labels().stream().anyMatch(l -> !e.date().isBefore(l.start())
                        && !e.date().isAfter(l.detectBy().plusDays(SETTLE_DAYS)));
                acc.events++;
                all.events++;
                if (tp) {
                    acc.tps++;
                    all.tps++;
                }
            }
            for (InjectedAnomaly l : ls.labels()) {
                LocalDate first = found.stream()
                        .filter(a -> a.direction() == l.kind().direction())
                        .map(Anomaly::date)
                        .filter(d -> !d.isBefore(l.start()) && !d.isAfter(l.detectBy()))
                        .findFirst().orElse(null);
                if (l.inScope(minAbsolute, minRelative)) {
                    acc.inScope++;
                    all.inScope++;
                    if (first != null) {
                        acc.detected++;
                        all.detected++;
                        long delay = ChronoUnit.DAYS.between(l.start(), first);
                        acc.delays.add(delay);
                        all.delays.add(delay);
                    }
                } else {
                    acc.below++;
                    all.below++;
                    if (first != null) {
                        acc.belowDetected++;
                        all.belowDetected++;
                    }
                }
            }
            all.series++;
        }
        List<KindReport> rows = new ArrayList<>();
        perKind.forEach((k, a) -> rows.add(a.report(k.label())));
        return new EvaluationReport(rows, all.report("all"), controlSeries, controlWeeks, controlEvents);
    }

    /** The first anomaly of each event (anomalies of one series arrive sorted by date). */
    static List<Anomaly> eventStarts(List<Anomaly> sorted) {
        List<Anomaly> starts = new ArrayList<>();
        Anomaly prev = null;
        for (Anomaly a : sorted) {
            if (prev == null || a.direction() != prev.direction()
                    || ChronoUnit.DAYS.between(prev.date(), a.date()) > EVENT_GAP_DAYS) {
                starts.add(a);
            }
            prev = a;
        }
        return starts;
    }

    private static final class Acc {
        int series;
        int inScope;
        int detected;
        int below;
        int belowDetected;
        int events;
        int tps;
        final List<Long> delays = new ArrayList<>();

        KindReport report(String name) {
            return new KindReport(name, series, inScope, detected, below, belowDetected, events, tps, median());
        }

        private double median() {
            if (delays.isEmpty()) {
                return Double.NaN;
            }
            long[] d = delays.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(d);
            int m = d.length / 2;
            return d.length % 2 == 1 ? d[m] : (d[m - 1] + d[m]) / 2.0;
        }
    }
}
