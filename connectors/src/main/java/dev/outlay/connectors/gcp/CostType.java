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
package dev.outlay.connectors.gcp;

import dev.outlay.model.ChargeCategory;

/** The export's {@code cost_type}. Google writes "rounding_error" in current exports and "rounding error" in old docs. */
enum CostType {
    REGULAR(ChargeCategory.USAGE),
    TAX(ChargeCategory.TAX),
    ADJUSTMENT(ChargeCategory.ADJUSTMENT),
    ROUNDING_ERROR(ChargeCategory.ADJUSTMENT);

    final ChargeCategory category;

    CostType(ChargeCategory category) {
        this.category = category;
    }

    /** Null when the text is not a known cost type (the caller reports where). */
    static CostType parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "regular" -> REGULAR;
            case "tax" -> TAX;
            case "adjustment" -> ADJUSTMENT;
            case "rounding_error", "rounding error" -> ROUNDING_ERROR;
            default -> null;
        };
    }
}
