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
package dev.outlay.connectors.azure;

import dev.outlay.model.ChargeCategory;

/**
 * Azure {@code ChargeType} values and their FOCUS ChargeCategory. Unused commitment is Usage in FOCUS (with
 * CommitmentDiscountStatus Unused); a refund is the Purchase it reverses, marked as a correction.
 */
enum AzureChargeType {
    USAGE("Usage", ChargeCategory.USAGE),
    UNUSED_RESERVATION("UnusedReservation", ChargeCategory.USAGE),
    UNUSED_SAVINGS_PLAN("UnusedSavingsPlan", ChargeCategory.USAGE),
    PURCHASE("Purchase", ChargeCategory.PURCHASE),
    REFUND("Refund", ChargeCategory.PURCHASE),
    ROUNDING_ADJUSTMENT("RoundingAdjustment", ChargeCategory.ADJUSTMENT),
    TAX("Tax", ChargeCategory.TAX),
    CREDIT("Credit", ChargeCategory.CREDIT);

    final String azureName;
    final ChargeCategory category;

    AzureChargeType(String azureName, ChargeCategory category) {
        this.azureName = azureName;
        this.category = category;
    }

    boolean unused() {
        return this == UNUSED_RESERVATION || this == UNUSED_SAVINGS_PLAN;
    }

    /** Case-insensitive (MCA files have been seen with lower-case values); null when unknown. */
    static AzureChargeType of(String text) {
        for (AzureChargeType t : values()) if (t.azureName.equalsIgnoreCase(text.strip())) return t;
        return null;
    }
}
