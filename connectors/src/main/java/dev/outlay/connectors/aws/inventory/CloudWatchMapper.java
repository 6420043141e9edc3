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
package dev.outlay.connectors.aws.inventory;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects GetMetricData results (one series per query id and statistic, spread over pages) into one
 * {@link MetricSample} per resource, metric and period with the Average, Maximum and Sum of that period together.
 */
final class CloudWatchMapper {

    private record Key(String resourceId, MetricName metric, Instant periodStart) {
    }

    private static final class Acc {
        BigDecimal average;
        BigDecimal maximum;
        BigDecimal sum;
    }

    private final Map<String, MetricQuery> byId = new HashMap<>();
    private final Map<Key, Acc> periods = new HashMap<>();
    private final int periodSeconds;

    CloudWatchMapper(List<MetricQuery> queries, int periodSeconds) {
        for (MetricQuery q : queries) byId.put(q.id(), q);
        this.periodSeconds = periodSeconds;
    }

    /** Adds one page's result for one query. Unknown ids are a protocol error, not something to drop silently. */
    void add(MetricDataResult r) {
        MetricQuery q = byId.get(r.id());
        if (q == null) throw new IllegalStateException("GetMetricData answered an id that was not asked: " + r.id());
        List<Instant> ts = r.timestamps();
        List<Double> vs = r.values();
        if (ts.size() != vs.size()) {
            throw new IllegalStateException("GetMetricData result " + r.id() + " has " + ts.size() + " timestamps and "
                    + vs.size() + " values");
        }
        for (int i = 0; i < ts.size(); i++) {
            Double v = vs.get(i);
            if (v == null || v.isNaN() || v.isInfinite()) continue;
            // BigDecimal.valueOf keeps the shortest decimal that round-trips the double: 12.5 stays 12.5.
            BigDecimal value = BigDecimal.valueOf(v);
            Acc acc = periods.computeIfAbsent(new Key(q.resourceId(), q.metric(), ts.get(i)), k -> new Acc());
            switch (q.stat()) {
                case AVERAGE -> acc.average = value;
                case MAXIMUM -> acc.maximum = value;
                case SUM -> acc.sum = value;
            }
        }
    }

    /** Samples sorted by resource, metric, period. Percent metrics never carry a sum. */
    List<MetricSample> samples() {
        List<MetricSample> out = new ArrayList<>(periods.size());
        periods.forEach((k, a) -> out.add(new MetricSample(k.resourceId(), k.metric(), k.periodStart(), periodSeconds,
                a.average, a.maximum, "percent".equals(k.metric().unit()) ? null : a.sum)));
        out.sort(ORDER);
        return out;
    }

    static final Comparator<MetricSample> ORDER = Comparator.comparing(MetricSample::resourceId)
            .thenComparing(MetricSample::metric)
            .thenComparing(MetricSample::periodStart);
}
