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
 * Why a unit-cost KPI's cost moved: the business metric changed (volume) or the cost per unit did (efficiency).
 * <pre>
 *   Δcost = c₁ − c₀ = Δv·u₀ + v₁·Δu      with u₀ = c₀ / v₀, u₁ = c₁ / v₁, Δv = v₁ − v₀, Δu = u₁ − u₀
 * </pre>
 * c₀/v₀ are the baseline cost and metric value, c₁/v₁ the observed ones, in one currency. The volume effect is
 * Δv·c₀/v₀ at {@link #SCALE} places (HALF_EVEN: the only rounding); the efficiency effect is the exact remainder
 * Δcost − volume, which equals v₁·Δu up to that rounding, so the two always add up to Δcost to the last digit. Without
 * a baseline metric value (v₀ = 0) the baseline unit cost is undefined and the whole delta is volume when a metric
 * value appeared, efficiency otherwise (cost with no units behind it).
 *
 * @param baselineUnitCost c₀ / v₀ at {@link #SCALE} places, null when v₀ = 0
 * @param unitCost         c₁ / v₁ at {@link #SCALE} places, null when v₁ = 0
 * @param driver           VOLUME when the volume effect is at least {@link #DRIVER_SHARE} of |volume| + |efficiency|,
 *                         EFFICIENCY when the efficiency effect is, MIXED otherwise
 */
public record UnitCostSplit(BigDecimal baselineCost, BigDecimal baselineVolume, BigDecimal cost, BigDecimal volume,
                            BigDecimal baselineUnitCost, BigDecimal unitCost, BigDecimal volumeEffect,
                            BigDecimal efficiencyEffect, Driver driver) {

    public enum Driver { VOLUME, EFFICIENCY, MIXED }

    /** Places of unit costs and of the volume effect, the same as the unit-cost report's. */
    public static final int SCALE = 10;
    /** Share of the movement one effect must explain to be named the driver (the notes' 70 % rule). */
    public static final BigDecimal DRIVER_SHARE = new BigDecimal("0.7");

    public static UnitCostSplit of(BigDecimal baselineCost, BigDecimal baselineVolume, BigDecimal cost, BigDecimal volume) {
        BigDecimal delta = cost.subtract(baselineCost);
        BigDecimal volumeEffect;
        if (baselineVolume.signum() == 0) {
            volumeEffect = volume.signum() != 0 ? delta : BigDecimal.ZERO;
        } else {
            volumeEffect = volume.subtract(baselineVolume).multiply(baselineCost).divide(baselineVolume, SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal efficiencyEffect = delta.subtract(volumeEffect);
        BigDecimal u0 = baselineVolume.signum() == 0 ? null : baselineCost.divide(baselineVolume, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal u1 = volume.signum() == 0 ? null : cost.divide(volume, SCALE, RoundingMode.HALF_EVEN);
        return new UnitCostSplit(baselineCost, baselineVolume, cost, volume, u0, u1, volumeEffect, efficiencyEffect,
                driver(volumeEffect, efficiencyEffect));
    }

    /** |volume| / (|volume| + |efficiency|) at 4 places, 0.5 when nothing moved. */
    public BigDecimal volumeShare() {
        BigDecimal v = volumeEffect.abs();
        BigDecimal total = v.add(efficiencyEffect.abs());
        return total.signum() == 0 ? new BigDecimal("0.5000") : v.divide(total, 4, RoundingMode.HALF_EVEN);
    }

    public BigDecimal efficiencyShare() {
        return BigDecimal.ONE.subtract(volumeShare()).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static Driver driver(BigDecimal volume, BigDecimal efficiency) {
        BigDecimal total = volume.abs().add(efficiency.abs());
        if (total.signum() == 0) return Driver.MIXED;
        if (volume.abs().compareTo(DRIVER_SHARE.multiply(total)) >= 0) return Driver.VOLUME;
        if (efficiency.abs().compareTo(DRIVER_SHARE.multiply(total)) >= 0) return Driver.EFFICIENCY;
        return Driver.MIXED;
    }

    /** The split of a KPI series' anomaly: its baseline and observed cost, and the baseline and observed metric value. */
    public static UnitCostSplit of(Anomaly a) {
        return of(a.baseline(), a.decomposition().baselineQuantity(), a.cost(), a.decomposition().observedQuantity());
    }
}
