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
package dev.outlay.commitments.bench;

import dev.outlay.commitments.UsageDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic daily ODE of a compute pool from a known process, for the backtest: a base level with weekends at 60 %,
 * ±10 % daily noise, a slow growth, a four-day tripling (a load test) and a step down (a decommission). Same seed, same
 * series.
 *
 * @param spikeDay  first day of the 4-day spike (negative: none)
 * @param stepDay   day from which usage drops by {@code stepDown} (negative: none)
 */
public record UsageTrace(LocalDate first, int days, double base, double growthPerDay, int spikeDay, int stepDay, double stepDown,
                         long seed) {

    public static UsageTrace standard() {
        return new UsageTrace(LocalDate.parse("2025-01-01"), 365, 2400, 0.4, 75, 240, 0.3, 424242L);
    }

    public List<UsageDay> generate() {
        List<UsageDay> out = new ArrayList<>(days);
        SplittableRandom r = new SplittableRandom(seed);
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
            double v = (base + growthPerDay * d) * weekday * (0.9 + 0.2 * r.nextDouble());
            if (spikeDay >= 0 && d >= spikeDay && d < spikeDay + 4) v *= 3;
            if (stepDay >= 0 && d >= stepDay) v *= 1 - stepDown;
            out.add(new UsageDay(day, BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN)));
        }
        return out;
    }
}
