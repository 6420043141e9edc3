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
import java.time.LocalDate;

/**
 * One resource's metric over one UTC day, aggregated from the source's periods.
 *
 * @param average        mean of the periods' averages (percent metrics) or of their per-period values
 * @param maximum        largest period maximum
 * @param sum            total over the day for byte/count metrics, null for percent metrics
 * @param coveredSeconds seconds of the day the samples cover; below 86 400 the day has a gap
 */
public record DailyMetric(String resourceId, MetricName metric, LocalDate day, BigDecimal average,
                          BigDecimal maximum, BigDecimal sum, long coveredSeconds) {

    public static final long SECONDS_PER_DAY = 86_400L;

    public boolean complete() {
        return coveredSeconds >= SECONDS_PER_DAY;
    }
}
