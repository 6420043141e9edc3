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

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inventory items, ledger series and metric windows for the engine's tests. */
final class Fixtures {

    static final LocalDate SCAN = LocalDate.of(2026, 11, 30);

    private Fixtures() {
    }

    static Instant daysAgo(long days) {
        return SCAN.minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static InventoryItem item(String id, ResourceKind kind, String state, String size, String attachedTo,
                              long ageDays, long daysInState, Map<String, String> tags, Map<String, String> attrs) {
        return new InventoryItem("aws", "111122223333", "us-east-1", "us-east-1a", id, kind, state, size, attachedTo,
                daysAgo(ageDays), daysAgo(daysInState), tags, attrs, daysAgo(0));
    }

    /** One row a day for the 30-day billing window ending on the scan date. */
    static List<LedgerDay> daily(String id, String usageType, String hoursPerDay, String effective, String list,
                                 String currency, boolean committed, Map<String, String> tags) {
        List<LedgerDay> out = new ArrayList<>();
        for (int d = 29; d >= 0; d--) {
            out.add(new LedgerDay(id, SCAN.minusDays(d), usageType, null, new BigDecimal(hoursPerDay),
                    new BigDecimal(effective), new BigDecimal(list), currency, committed, tags));
        }
        return out;
    }

    /** 14 days of hourly CPU and network aggregated to days, every day alike. */
    static List<DailyMetric> hostMetrics(String id, String cpuAvg, String cpuMax, long netBytesPerHour) {
        List<MetricSample> samples = new ArrayList<>();
        for (int d = 13; d >= 0; d--) samples.addAll(Samples.hostDay(id, SCAN.minusDays(d), cpuAvg, cpuMax, netBytesPerHour));
        return new MetricAggregator().daily(samples, SCAN.minusDays(13), SCAN);
    }
}
