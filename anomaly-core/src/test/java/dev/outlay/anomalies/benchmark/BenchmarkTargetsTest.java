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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.anomalies.AnomalyDetector;
import dev.outlay.anomalies.DetectionParameters;
import dev.outlay.anomalies.DetectionResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smaller run of the labelled benchmark (the README table uses {@link BenchmarkConfig#standard()} through
 * bench-anomaly): the quality targets hold for every kind, and the control series raise nothing.
 */
class BenchmarkTargetsTest {

    @Test
    void precisionRecallAndQuietControls() {
        BenchmarkConfig cfg = new BenchmarkConfig(7_2025L, 40, 200, 365, LocalDate.of(2025, 1, 1));
        List<LabelledSeries> bench = new BenchmarkGenerator().generate(cfg);
        DetectionParameters params = DetectionParameters.defaults();
        DetectionResult result = new AnomalyDetector(params).detect(
                bench.stream().map(LabelledSeries::series).toList(), cfg.start(), cfg.start().plusDays(cfg.days() - 1));
        EvaluationReport report = new BenchmarkEvaluator(params.minAbsoluteImpact(), new BigDecimal("0.20"))
                .evaluate(bench, result);
        System.out.print(report.table());

        for (KindReport k : report.kinds()) {
            assertTrue(k.inScope() >= 10, k.kind() + " needs enough in-scope labels to mean anything");
            assertTrue(k.recall() >= 0.9, k.kind() + " recall " + k.recall());
            assertTrue(k.precision() >= 0.9, k.kind() + " precision " + k.precision());
        }
        assertTrue(report.overall().recall() >= 0.9, "overall recall");
        assertTrue(report.overall().precision() >= 0.9, "overall precision");
        assertEquals(0, report.controlAlertEvents(), "alerts on pure-seasonal control series");
    }

    /** The README's table: the pure-seasonal control series of the standard set raise no alert at all. */
    @Test
    void standardSetRaisesNothingOnControls() {
        BenchmarkConfig cfg = BenchmarkConfig.standard();
        List<LabelledSeries> controls = new BenchmarkGenerator().generate(cfg).stream()
                .filter(LabelledSeries::control).toList();
        DetectionResult result = new AnomalyDetector(DetectionParameters.defaults()).detect(
                controls.stream().map(LabelledSeries::series).toList(), cfg.start(), cfg.start().plusDays(cfg.days() - 1));
        assertEquals(1000, controls.size());
        assertEquals(List.of(), result.anomalies(), "alerts on the standard pure-seasonal control series");
    }

    @Test
    void generatorIsDeterministic() {
        BenchmarkConfig cfg = new BenchmarkConfig(99L, 3, 3, 120, LocalDate.of(2025, 1, 1));
        assertEquals(new BenchmarkGenerator().generate(cfg), new BenchmarkGenerator().generate(cfg));
    }
}
