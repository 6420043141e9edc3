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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One ledger daily row as findings read it: the billing evidence of a resource.
 *
 * @param commitmentCovered the row's cost is covered by a reservation or savings plan (FOCUS
 *                          CommitmentDiscountId present): removing the resource does not stop that payment
 */
public record LedgerDay(String resourceId, LocalDate day, String usageType, String operation, BigDecimal hours,
                        BigDecimal effectiveCost, BigDecimal listCost, String currency, boolean commitmentCovered,
                        Map<String, String> tags) {

    public LedgerDay {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        Objects.requireNonNull(currency, "currency");
        listCost = listCost == null ? effectiveCost : listCost;
        hours = hours == null ? BigDecimal.ZERO : hours;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
