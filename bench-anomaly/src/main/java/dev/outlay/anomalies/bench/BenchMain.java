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
package dev.outlay.anomalies.bench;

import dev.outlay.anomalies.AnomalyDetector;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.DetectionParameters;
import dev.outlay.anomalies.DetectionResult;
import dev.outlay.anomalies.benchmark.BenchmarkConfig;
import dev.outlay.anomalies.benchmark.BenchmarkEvaluator;
import dev.outlay.anomalies.benchmark.BenchmarkGenerator;
import dev.outlay.anomalies.benchmark.EvaluationReport;
import dev.outlay.anomalies.benchmark.LabelledSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The anomaly benchmark: quality table on the standard labelled set, then detection throughput at
 * 10,000 series × 400 days. Arguments: none (standard), or {@code quality} / {@code perf} for one half.
 */
public final class BenchMain {

    public static void main(String[] args) {
        String mode = args.length == 0 ? "all" : args[0];
        DetectionParameters params = DetectionParameters.defaults();
        AnomalyDetector detector = new AnomalyDetector(params);
        if (!mode.equals("perf")) {
            quality(detector, params);
        }
        if (!mode.equals("quality")) {
            perf(detector);
        }
    }

    private static void quality(AnomalyDetector detector, DetectionParameters params) {
        BenchmarkConfig cfg = BenchmarkConfig.standard();
        List<LabelledSeries> bench = new BenchmarkGenerator().generate(cfg);
        LocalDate to = cfg.start().plusDays(cfg.days() - 1);
        DetectionResult result = detector.detect(bench.stream().map(LabelledSeries::series).toList(), cfg.start(), to);
        EvaluationReport report = new BenchmarkEvaluator(params.minAbsoluteImpact(), new BigDecimal("0.20"))
                .evaluate(bench, result);
        System.out.printf(Locale.ROOT, "Anomaly benchmark: seed %d, %d series/kind, %d control series, %d days, "
                        + "parameters %s (minScore %.1f, minAbsoluteImpact %s)%n%n",
                cfg.seed(), cfg.seriesPerKind(), cfg.controlSeries(), cfg.days(), params.fingerprint(),
                params.minScore(), params.minAbsoluteImpact().toPlainString());
        System.out.print(report.table());
        System.out.printf(Locale.ROOT, "new-spend signals: %d%n", result.newSpend().size());
    }

    private static void perf(AnomalyDetector detector) {
        BenchmarkConfig cfg = new BenchmarkConfig(7L, 1000, 3000, 400, LocalDate.of(2025, 1, 1));
        long g0 = System.nanoTime();
        List<DailySeries> series = new BenchmarkGenerator().generate(cfg).stream().map(LabelledSeries::series).toList();
        long g1 = System.nanoTime();
        LocalDate to = cfg.start().plusDays(cfg.days() - 1);
        detector.detect(series.subList(0, 500), cfg.start(), to); // warm-up
        long d0 = System.nanoTime();
        DetectionResult r = detector.detect(series, cfg.start(), to);
        long d1 = System.nanoTime();
        DetectionResult rp = detector.detectParallel(series, cfg.start(), to);
        long d2 = System.nanoTime();
        double secs = (d1 - d0) / 1e9;
        double psecs = (d2 - d1) / 1e9;
        System.out.printf(Locale.ROOT, "%nperformance: %d series x %d days (generated in %.1f s)%n"
                        + "  detection, one thread: %.2f s = %.0f series/s (%d anomalies)%n"
                        + "  detection, %d threads: %.2f s = %.0f series/s (identical result: %s)%n",
                series.size(), cfg.days(), (g1 - g0) / 1e9, secs, series.size() / secs, r.anomalies().size(),
                Runtime.getRuntime().availableProcessors(), psecs, series.size() / psecs, rp.equals(r));
    }
}
