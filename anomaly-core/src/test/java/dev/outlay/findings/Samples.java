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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Hourly sample builders for findings tests. */
final class Samples {

    private Samples() {
    }

    /** 24 hourly CPU samples on {@code day}, each with the given average and maximum. */
    static List<MetricSample> cpuDay(String id, LocalDate day, String avg, String max) {
        List<MetricSample> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(new MetricSample(id, MetricName.CPU_UTILIZATION,
                    day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h), 3600,
                    new BigDecimal(avg), new BigDecimal(max), null));
        }
        return out;
    }

    /** 24 hourly byte samples of {@code metric}, each hour carrying {@code bytesPerHour}. */
    static List<MetricSample> bytesDay(String id, MetricName metric, LocalDate day, long bytesPerHour) {
        List<MetricSample> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            BigDecimal b = BigDecimal.valueOf(bytesPerHour);
            out.add(new MetricSample(id, metric, day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h),
                    3600, b, b, b));
        }
        return out;
    }

    /** A full day of CPU and network in/out. */
    static List<MetricSample> hostDay(String id, LocalDate day, String cpuAvg, String cpuMax, long netBytesPerHour) {
        List<MetricSample> out = new ArrayList<>(cpuDay(id, day, cpuAvg, cpuMax));
        out.addAll(bytesDay(id, MetricName.NETWORK_IN, day, netBytesPerHour));
        out.addAll(bytesDay(id, MetricName.NETWORK_OUT, day, netBytesPerHour));
        return out;
    }
}
