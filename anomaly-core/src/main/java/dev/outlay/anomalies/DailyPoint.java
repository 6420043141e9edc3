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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one series, as the ledger's daily rollup reports it.
 *
 * @param effectiveCost net effective cost of the day, credits and purchases included (may be negative)
 * @param usageQuantity consumed quantity of the usage rows (zero when the series has no usage unit)
 * @param complete      whether the sources feeding this day reported it complete; an incomplete day never
 *                      enters a baseline and can never raise a drop
 * @param resourceCount distinct resource ids seen that day, or null when unknown
 * @param newSkuCount   SKUs seen that day but not in the ledger's look-back window, or null when unknown
 * @param newRegionCount regions seen that day but not in the look-back window, or null when unknown
 * @param commitmentCoverage share (0–1) of usage covered by a commitment (RI/savings plan/CUD), or null
 * @param credits       sum of the credit/refund rows of the day (zero or negative), already inside effectiveCost
 * @param purchases     sum of the one-time purchase rows of the day, already inside effectiveCost
 */
public record DailyPoint(LocalDate date, BigDecimal effectiveCost, BigDecimal usageQuantity, boolean complete,
                         Integer resourceCount, Integer newSkuCount, Integer newRegionCount, BigDecimal commitmentCoverage,
                         BigDecimal credits, BigDecimal purchases) {

    public DailyPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        usageQuantity = usageQuantity == null ? BigDecimal.ZERO : usageQuantity;
        credits = credits == null ? BigDecimal.ZERO : credits;
        purchases = purchases == null ? BigDecimal.ZERO : purchases;
    }

    /** A point without the optional classification signals. */
    public static DailyPoint of(LocalDate date, BigDecimal effectiveCost, BigDecimal usageQuantity, boolean complete) {
        return new DailyPoint(date, effectiveCost, usageQuantity, complete, null, null, null, null, null, null);
    }
}
