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
package dev.outlay.connectors.aws;

import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeFrequency;

/**
 * AWS {@code line_item_line_item_type} values and what they mean in FOCUS terms. See
 * docs/mappings/aws-cur.md for the billed/effective cost rules per type.
 */
enum LineItemType {
    USAGE("Usage", ChargeCategory.USAGE, ChargeFrequency.USAGE_BASED),
    DISCOUNTED_USAGE("DiscountedUsage", ChargeCategory.USAGE, ChargeFrequency.USAGE_BASED),
    SAVINGS_PLAN_COVERED_USAGE("SavingsPlanCoveredUsage", ChargeCategory.USAGE, ChargeFrequency.USAGE_BASED),
    SAVINGS_PLAN_NEGATION("SavingsPlanNegation", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    SAVINGS_PLAN_RECURRING_FEE("SavingsPlanRecurringFee", ChargeCategory.PURCHASE, ChargeFrequency.RECURRING),
    SAVINGS_PLAN_UPFRONT_FEE("SavingsPlanUpfrontFee", ChargeCategory.PURCHASE, ChargeFrequency.ONE_TIME),
    RI_FEE("RIFee", ChargeCategory.PURCHASE, ChargeFrequency.RECURRING),
    FEE("Fee", ChargeCategory.PURCHASE, ChargeFrequency.ONE_TIME),
    TAX("Tax", ChargeCategory.TAX, ChargeFrequency.ONE_TIME),
    CREDIT("Credit", ChargeCategory.CREDIT, ChargeFrequency.ONE_TIME),
    REFUND("Refund", ChargeCategory.CREDIT, ChargeFrequency.ONE_TIME),
    EDP_DISCOUNT("EdpDiscount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    BUNDLED_DISCOUNT("BundledDiscount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    PRIVATE_RATE_DISCOUNT("PrivateRateDiscount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    DISTRIBUTOR_DISCOUNT("DistributorDiscount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    DISCOUNT("Discount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED),
    SPP_DISCOUNT("SppDiscount", ChargeCategory.CREDIT, ChargeFrequency.USAGE_BASED);

    final String awsName;
    final ChargeCategory category;
    final ChargeFrequency frequency;

    LineItemType(String awsName, ChargeCategory category, ChargeFrequency frequency) {
        this.awsName = awsName;
        this.category = category;
        this.frequency = frequency;
    }

    /** Null for a type this mapping does not know (the row is then loaded as Adjustment and flagged). */
    static LineItemType of(String awsName) {
        for (LineItemType t : values()) {
            if (t.awsName.equals(awsName)) return t;
        }
        return null;
    }
}
