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
package dev.outlay.connectors.saas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A contract price for one SKU: {@code unitPrice} in {@code currency} per {@code pricingUnit} per {@code term}
 * ({@code month} or {@code year}); {@code priceId} names the price version the charge was computed from (FOCUS
 * SkuPriceId), so a charge can be traced to the contract table row.
 */
public record SeatPrice(BigDecimal unitPrice, String currency, String term, String pricingUnit, String priceId) {

    /** Scale of a derived monthly unit price (an annual price / 12): enough that seats x price rounds to the cent. */
    static final int UNIT_SCALE = 6;

    /** The price of one seat for one month: an annual term is spread evenly over its twelve months. */
    public BigDecimal monthlyUnitPrice() {
        return "year".equals(term) ? unitPrice.divide(BigDecimal.valueOf(12), UNIT_SCALE, RoundingMode.HALF_EVEN) : unitPrice;
    }

    /** seats x monthly price, rounded once to the currency's minor units (half-even). */
    public BigDecimal monthlyCost(long seats) {
        BigDecimal exact = "year".equals(term)
                ? unitPrice.multiply(BigDecimal.valueOf(seats)).divide(BigDecimal.valueOf(12), 20, RoundingMode.HALF_EVEN)
                : unitPrice.multiply(BigDecimal.valueOf(seats));
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return exact.setScale(Math.max(digits, 0), RoundingMode.HALF_EVEN);
    }
}
