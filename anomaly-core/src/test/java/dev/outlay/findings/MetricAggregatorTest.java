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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @Test
    void hourlySamplesBecomeDailyAverageMaximumAndSum() {
        List<MetricSample> s = new ArrayList<>(Samples.cpuDay("i-1", D1, "4", "9"));
        // One busier hour: average of averages moves, the maximum is the largest hourly maximum.
        s.set(5, new MetricSample("i-1", MetricName.CPU_UTILIZATION, s.get(5).periodStart(), 3600,
                new BigDecimal("28"), new BigDecimal("71.5"), null));
        s.addAll(Samples.bytesDay("i-1", MetricName.NETWORK_IN, D1, 1000));
        List<DailyMetric> daily = new MetricAggregator().daily(s, D1, D1);
        assertEquals(2, daily.size());
        DailyMetric cpu = daily.get(0);
        assertEquals(MetricName.CPU_UTILIZATION, cpu.metric());
        assertEquals(0, cpu.average().compareTo(new BigDecimal("5")), cpu.average().toPlainString());
        assertEquals(0, cpu.maximum().compareTo(new BigDecimal("71.5")));
        assertNull(cpu.sum());
        assertTrue(cpu.complete());
        assertEquals(0, daily.get(1).sum().compareTo(new BigDecimal("24000")));
    }

    @Test
    void missingDaysAndMissingHoursAreGapsNotZeros() {
        List<MetricSample> s = new ArrayList<>(Samples.cpuDay("i-1", D1, "1", "2"));
        List<MetricSample> partial = Samples.cpuDay("i-1", D1.plusDays(2), "1", "2").subList(0, 20);
        s.addAll(partial);
        List<DailyMetric> daily = new MetricAggregator().daily(s, D1, D1.plusDays(2));
        assertEquals(3, daily.size(), "every day of the window is present, even those without samples");
        assertTrue(daily.get(0).complete());
        assertFalse(daily.get(1).complete());
        assertEquals(0, daily.get(1).coveredSeconds());
        assertNull(daily.get(1).average());
        assertFalse(daily.get(2).complete());
        assertEquals(20 * 3600, daily.get(2).coveredSeconds());
    }

    @Test
    void negativeValuesAreRefusedNamingTheField() {
        List<MetricSample> s = List.of(new MetricSample("vol-1", MetricName.VOLUME_READ_OPS,
                D1.atStartOfDay().toInstant(ZoneOffset.UTC), 3600, BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal("-3")));
        InvalidMetricSeriesException e = assertThrows(InvalidMetricSeriesException.class,
                () -> new MetricAggregator().daily(s, D1, D1));
        assertEquals("sum", e.field());
        assertEquals("vol-1", e.resourceId());
    }

    @Test
    void overlappingPeriodsAreRefused() {
        List<MetricSample> s = new ArrayList<>(Samples.cpuDay("i-1", D1, "1", "2"));
        s.add(new MetricSample("i-1", MetricName.CPU_UTILIZATION,
                D1.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(1800), 3600, BigDecimal.ONE,
                BigDecimal.ONE, null));
        InvalidMetricSeriesException e = assertThrows(InvalidMetricSeriesException.class,
                () -> new MetricAggregator().daily(s, D1, D1));
        assertEquals("periodStart", e.field());
    }

    @Test
    void sampleOrderDoesNotChangeTheResult() {
        List<MetricSample> s = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            s.addAll(Samples.hostDay("i-2", D1.plusDays(d), "3.3", "7", 1234));
            s.addAll(Samples.hostDay("i-1", D1.plusDays(d), "1.7", "4", 99));
        }
        List<DailyMetric> ordered = new MetricAggregator().daily(s, D1, D1.plusDays(4));
        java.util.Collections.shuffle(s, new java.util.Random(7));
        assertEquals(ordered, new MetricAggregator().daily(s, D1, D1.plusDays(4)));
        assertEquals("i-1", ordered.get(0).resourceId());
        assertEquals(2 * 3 * 5, ordered.size());
    }
}
