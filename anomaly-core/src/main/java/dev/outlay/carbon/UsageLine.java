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
package dev.outlay.carbon;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Usage rows of the ledger that share every field below (the caller may sum rows that do), with the group they
 * report under.
 *
 * @param provider     ledger ProviderName (AWS, Microsoft, Google Cloud, ...)
 * @param usageType    AWS usage type ({@code x_UsageType}), or null
 * @param unit         ConsumedUnit, else PricingUnit
 * @param quantity     ConsumedQuantity summed over the rows, in {@code unit}
 * @param month        the month the usage was in: storage billed per GB-month is spread over its hours
 * @param utilization  measured average vCPU utilization 0..1, or null for the factor set's default
 * @param cost         EffectiveCost summed over the rows, in {@code currency}
 * @param rows         how many ledger rows this line stands for
 * @param group        the values of the report's group-by dimensions, in their order (null entries allowed)
 */
public record UsageLine(String provider, String service, String region, String usageType, String skuId, String resourceType,
                        String unit, BigDecimal quantity, YearMonth month, BigDecimal utilization, String currency,
                        BigDecimal cost, long rows, List<String> group) {

    public UsageLine {
        group = group == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(group));
    }
}
