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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted Advisor's numbers: CPU ≤ 10 % and network ≤ 5 MB a day, 14-day window. */
class UtilizationSignalsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = FROM.plusDays(13);
    private static final UtilizationSignals TA =
            new UtilizationSignals(new BigDecimal("10"), new BigDecimal("5000000"), 4);

    private static UtilizationSignal signal(List<MetricSample> s) {
        return TA.signal("i-1", new MetricAggregator().daily(s, FROM, TO), FROM, TO);
    }

    @Test
    void countsLowDaysAndKeepsPeaks() {
        List<MetricSample> s = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            // 10 quiet days (2 % CPU, 48 kB/h each way = 2.3 MB/day), 4 busy ones.
            boolean busy = d % 4 == 0; // days 0, 4, 8, 12
            s.addAll(Samples.hostDay("i-1", FROM.plusDays(d), busy ? "35" : "2", busy ? "90" : "6", 48_000));
        }
        UtilizationSignal sig = signal(s);
        assertEquals(14, sig.windowDays());
        assertEquals(14, sig.completeDays());
        assertEquals(10, sig.lowDays());
        assertEquals(0, sig.maxCpu().compareTo(new BigDecimal("90")));
        assertEquals(0, sig.avgNetworkBytes().compareTo(new BigDecimal("2304000")));
        assertFalse(sig.insufficientData());
    }

    @Test
    void aDayIsLowOnlyWhenNetworkIsAlsoLow() {
        List<MetricSample> s = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            // Quiet CPU but 120 kB/h each way = 5.76 MB/day: above 5 MB, not low (a proxy or a file server).
            s.addAll(Samples.hostDay("i-1", FROM.plusDays(d), "1", "3", 120_000));
        }
        UtilizationSignal sig = signal(s);
        assertEquals(14, sig.completeDays());
        assertEquals(0, sig.lowDays());
    }

    @Test
    void missingMetricsAreInsufficientDataNotIdle() {
        List<MetricSample> s = new ArrayList<>();
        for (int d = 0; d < 3; d++) s.addAll(Samples.hostDay("i-1", FROM.plusDays(d), "0.5", "1", 10));
        // Eleven more days of CPU alone: without network the day cannot be judged.
        for (int d = 3; d < 14; d++) s.addAll(Samples.cpuDay("i-1", FROM.plusDays(d), "0.5", "1"));
        UtilizationSignal sig = signal(s);
        assertEquals(3, sig.completeDays());
        assertEquals(3, sig.lowDays());
        assertTrue(sig.insufficientData());
    }
}
