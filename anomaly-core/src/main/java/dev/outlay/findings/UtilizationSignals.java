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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes {@link UtilizationSignal}s from daily aggregates. A day counts only when CPU and both network
 * directions cover it fully, so a host whose agent stopped reporting is not mistaken for an idle one.
 */
public final class UtilizationSignals {

    private final BigDecimal lowCpuPercent;
    private final BigDecimal lowNetworkBytes;
    private final int minCompleteDays;

    /**
     * @param lowCpuPercent   a day is low when its average CPU is at or below this (Trusted Advisor: 10)
     * @param lowNetworkBytes and its network in+out total is at or below this (Trusted Advisor: 5 MB)
     * @param minCompleteDays fewer complete days than this is insufficient data
     */
    public UtilizationSignals(BigDecimal lowCpuPercent, BigDecimal lowNetworkBytes, int minCompleteDays) {
        this.lowCpuPercent = Objects.requireNonNull(lowCpuPercent);
        this.lowNetworkBytes = Objects.requireNonNull(lowNetworkBytes);
        if (minCompleteDays < 1) throw new IllegalArgumentException("minCompleteDays must be at least 1");
        this.minCompleteDays = minCompleteDays;
    }

    /** Signal for one resource from its daily aggregates (any metrics; only CPU and network are read). */
    public UtilizationSignal signal(String resourceId, List<DailyMetric> daily, LocalDate from, LocalDate to) {
        Map<LocalDate, DailyMetric> cpu = new HashMap<>();
        Map<LocalDate, DailyMetric> in = new HashMap<>();
        Map<LocalDate, DailyMetric> out = new HashMap<>();
        for (DailyMetric d : daily) {
            if (!d.resourceId().equals(resourceId)) continue;
            switch (d.metric()) {
                case CPU_UTILIZATION -> cpu.put(d.day(), d);
                case NETWORK_IN -> in.put(d.day(), d);
                case NETWORK_OUT -> out.put(d.day(), d);
                default -> { }
            }
        }
        int windowDays = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int complete = 0;
        int low = 0;
        BigDecimal maxCpu = null;
        BigDecimal cpuTotal = BigDecimal.ZERO;
        BigDecimal netTotal = BigDecimal.ZERO;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(d);
        for (LocalDate d : days) {
            DailyMetric c = cpu.get(d);
            DailyMetric i = in.get(d);
            DailyMetric o = out.get(d);
            if (!usable(c, MetricName.CPU_UTILIZATION) || !usable(i, MetricName.NETWORK_IN)
                    || !usable(o, MetricName.NETWORK_OUT)) {
                continue;
            }
            complete++;
            BigDecimal net = i.sum().add(o.sum());
            if (c.average().compareTo(lowCpuPercent) <= 0 && net.compareTo(lowNetworkBytes) <= 0) low++;
            maxCpu = maxCpu == null ? c.maximum() : maxCpu.max(c.maximum());
            cpuTotal = cpuTotal.add(c.average());
            netTotal = netTotal.add(net);
        }
        BigDecimal avgCpu = null;
        BigDecimal avgNet = null;
        if (complete > 0) {
            BigDecimal n = BigDecimal.valueOf(complete);
            avgCpu = cpuTotal.divide(n, 4, RoundingMode.HALF_EVEN);
            avgNet = netTotal.divide(n, 0, RoundingMode.HALF_EVEN);
        }
        return new UtilizationSignal(resourceId, from, to, windowDays, complete, low, maxCpu, avgCpu, avgNet,
                complete < minCompleteDays);
    }

    private static boolean usable(DailyMetric d, MetricName metric) {
        if (d == null || !d.complete()) return false;
        return metric == MetricName.CPU_UTILIZATION ? d.average() != null && d.maximum() != null : d.sum() != null;
    }
}
