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
package dev.outlay.model.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One period of one metric of one resource (CloudWatch returns one datapoint per period and statistic; this holds
 * the Average and Maximum of the same period together). For percent metrics both are 0–100; for byte and count
 * metrics {@code average} is the period's total divided by the datapoints the source aggregated, {@code sum} the
 * period's total. Sums are what traffic thresholds ("network ≤ 5 MB a day") compare.
 *
 * @param periodSeconds the period length, 3600 for hourly, 86400 for daily
 * @param sum           total over the period for count/byte metrics, or null for percent metrics
 */
public record MetricSample(String resourceId, MetricName metric, Instant periodStart, int periodSeconds,
                           BigDecimal average, BigDecimal maximum, BigDecimal sum) {

    public MetricSample {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(periodStart, "periodStart");
        if (periodSeconds <= 0) throw new IllegalArgumentException("periodSeconds must be positive");
    }
}
