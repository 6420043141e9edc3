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
package dev.outlay.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.anomalies.benchmark.BenchmarkConfig;
import dev.outlay.anomalies.benchmark.BenchmarkGenerator;
import dev.outlay.anomalies.benchmark.LabelledSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same ledger and parameters give the same anomalies, ids and scores, whatever the order or threading. */
class DeterminismTest {

    private static final BenchmarkConfig CFG = new BenchmarkConfig(42L, 8, 20, 365, LocalDate.of(2025, 1, 1));
    private static final LocalDate TO = CFG.start().plusDays(CFG.days() - 1);

    private static List<DailySeries> reversed(List<DailySeries> in) {
        List<DailySeries> out = new ArrayList<>(in);
        Collections.reverse(out);
        return out;
    }

    private static List<DailySeries> series() {
        return new BenchmarkGenerator().generate(CFG).stream().map(LabelledSeries::series).toList();
    }

    @Test
    void sameInputSameAnomalies() {
        DetectionResult a = new AnomalyDetector(DetectionParameters.defaults()).detect(series(), CFG.start(), TO);
        DetectionResult b = new AnomalyDetector(DetectionParameters.defaults()).detect(series(), CFG.start(), TO);
        assertTrue(a.anomalies().size() > 20, "the sample should contain anomalies");
        assertEquals(a, b);
        assertEquals(a.anomalies().stream().map(x -> x.id() + "@" + x.score()).toList(),
                b.anomalies().stream().map(x -> x.id() + "@" + x.score()).toList());
    }

    @Test
    void inputOrderAndParallelismDoNotMatter() {
        AnomalyDetector d = new AnomalyDetector(DetectionParameters.defaults());
        List<DailySeries> shuffled = new ArrayList<>(series());
        Collections.reverse(shuffled);
        DetectionResult sequential = d.detect(series(), CFG.start(), TO);
        assertEquals(sequential, d.detect(shuffled, CFG.start(), TO));
        assertEquals(sequential, d.detectParallel(shuffled, CFG.start(), TO));
    }

    @Test
    void ownerSeriesAndTenantParametersAreDeterministicToo() {
        DetectionParameters tuned = new DetectionParameters(6, 3, 10, 3, 50, 28, 10, 42, 0.05,
                new BigDecimal("1.00"), 4.5, new BigDecimal("80.00"), 0.4);
        List<DailySeries> owners = series().stream()
                .map(s -> new DailySeries(SeriesKey.owner("team-" + s.key().service()), s.points())).toList();
        DetectionResult a = new AnomalyDetector(tuned).detect(owners, CFG.start(), TO);
        DetectionResult b = new AnomalyDetector(tuned).detectParallel(reversed(owners), CFG.start(), TO);
        assertTrue(a.anomalies().size() > 10, "the sample should contain anomalies");
        assertEquals(a, b);
        assertTrue(a.anomalies().stream().allMatch(x -> x.parametersFingerprint().equals(tuned.fingerprint())));
    }

    @Test
    void idsAreStableAcrossRunsAndChangeWithParameters() {
        DailySeries s = Series.of("id", 120, 1000, 1.0, true).at(80, Series.usageTimes(2, 0)).build();
        Anomaly a = new AnomalyDetector(DetectionParameters.defaults()).detect(s, Series.START, TO).anomalies().get(0);
        assertEquals(Anomaly.idFor(s.key(), a.date(), a.direction(), DetectionParameters.defaults().fingerprint()),
                a.id());
        assertTrue(a.id().matches("an-[0-9a-f]{32}"));
        DetectionParameters stricter = DetectionParameters.defaults().withMinAbsoluteImpact(new BigDecimal("60.00"));
        Anomaly b = new AnomalyDetector(stricter).detect(s, Series.START, TO).anomalies().get(0);
        assertEquals(a.date(), b.date());
        assertNotEquals(a.id(), b.id(), "a parameter change must not reuse ids");
        assertEquals(a.score(), b.score());
    }
}
