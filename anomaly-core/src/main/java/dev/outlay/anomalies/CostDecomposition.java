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
import java.math.RoundingMode;

/**
 * Splits a cost delta into a volume effect and a rate (price) effect:
 * <pre>
 *   Δcost = c₁ − c₀ = Δq·p₀ + q₁·Δp      with p₀ = c₀ / q₀, Δq = q₁ − q₀, Δp = p₁ − p₀
 * </pre>
 * c₀/q₀ are the baseline cost and quantity, c₁/q₁ the observed ones. The volume effect is Δq·p₀ rounded to
 * cents; the rate effect is the remainder, so the two always add up to the delta exactly. Without a baseline
 * quantity (q₀ = 0) the unit price is undefined and the whole delta is called volume when quantity appeared,
 * rate otherwise (a charge with no usage behind it, e.g. a purchase).
 */
public record CostDecomposition(BigDecimal baselineQuantity, BigDecimal observedQuantity, BigDecimal volumeEffect,
                                BigDecimal rateEffect) {

    static final int MONEY_SCALE = 2;

    public static CostDecomposition of(BigDecimal baselineCost, BigDecimal baselineQty, BigDecimal cost,
                                       BigDecimal qty) {
        BigDecimal delta = cost.subtract(baselineCost).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal volume;
        if (baselineQty.signum() == 0) {
            volume = qty.signum() != 0 ? delta : BigDecimal.ZERO.setScale(MONEY_SCALE);
        } else {
            volume = qty.subtract(baselineQty).multiply(baselineCost)
                    .divide(baselineQty, MONEY_SCALE, RoundingMode.HALF_EVEN);
        }
        return new CostDecomposition(baselineQty, qty, volume, delta.subtract(volume));
    }

    /** |volume| / (|volume| + |rate|), 0.5 when both are zero; rounded to 4 places. */
    public BigDecimal volumeShare() {
        BigDecimal v = volumeEffect.abs();
        BigDecimal total = v.add(rateEffect.abs());
        if (total.signum() == 0) {
            return new BigDecimal("0.5000");
        }
        return v.divide(total, 4, RoundingMode.HALF_EVEN);
    }

    public BigDecimal rateShare() {
        return BigDecimal.ONE.subtract(volumeShare()).setScale(4, RoundingMode.HALF_EVEN);
    }
}
