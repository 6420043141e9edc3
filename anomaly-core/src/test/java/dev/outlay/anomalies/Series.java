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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small fluent builder of daily series for detector tests; the noise is a fixed ±2 % pattern, not random. */
final class Series {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final double[] NOISE = {0.012, -0.018, 0.004, 0.02, -0.007, -0.015, 0.009, 0.0, -0.011, 0.016, -0.003};

    private final List<DailyPoint> points = new ArrayList<>();
    private final String name;

    private Series(String name) {
        this.name = name;
    }

    /** {@code days} days at {@code level} per weekday, {@code weekendShare} of it on weekends; price 0.5/unit. */
    static Series of(String name, int days, double level, double weekendShare, boolean noisy) {
        Series s = new Series(name);
        for (int t = 0; t < days; t++) {
            LocalDate d = START.plusDays(t);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            double v = level * (weekend ? weekendShare : 1.0) * (1 + (noisy ? NOISE[t % NOISE.length] : 0));
            s.points.add(new DailyPoint(d, money(v), money(v * 2), true, 10, 0, 0, null, null, null));
        }
        return s;
    }

    static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
    }

    Series at(int day, UnaryOperator<DailyPoint> change) {
        points.set(day, change.apply(points.get(day)));
        return this;
    }

    Series from(int day, UnaryOperator<DailyPoint> change) {
        for (int t = day; t < points.size(); t++) {
            at(t, change);
        }
        return this;
    }

    Series without(int day) {
        points.set(day, null);
        return this;
    }

    DailySeries build() {
        return new DailySeries(SeriesKey.of("acct-test", name), points.stream().filter(p -> p != null).toList());
    }

    static UnaryOperator<DailyPoint> costTimes(double f) {
        return p -> new DailyPoint(p.date(), scale(p.effectiveCost(), f), p.usageQuantity(), p.complete(),
                p.resourceCount(), p.newSkuCount(), p.newRegionCount(), p.commitmentCoverage(), p.credits(), p.purchases());
    }

    static UnaryOperator<DailyPoint> usageTimes(double f, int extraResources) {
        return p -> new DailyPoint(p.date(), scale(p.effectiveCost(), f), scale(p.usageQuantity(), f), p.complete(),
                p.resourceCount() + extraResources, p.newSkuCount(), p.newRegionCount(), p.commitmentCoverage(), p.credits(),
                p.purchases());
    }

    static UnaryOperator<DailyPoint> incomplete(double share) {
        return p -> new DailyPoint(p.date(), scale(p.effectiveCost(), share), scale(p.usageQuantity(), share), false,
                p.resourceCount(), p.newSkuCount(), p.newRegionCount(), p.commitmentCoverage(), p.credits(), p.purchases());
    }

    static UnaryOperator<DailyPoint> plus(double amount, boolean asCredit, boolean asPurchase) {
        return p -> new DailyPoint(p.date(), p.effectiveCost().add(money(amount)), p.usageQuantity(), p.complete(),
                p.resourceCount(), p.newSkuCount(), p.newRegionCount(), p.commitmentCoverage(),
                asCredit ? p.credits().add(money(amount)) : p.credits(),
                asPurchase ? p.purchases().add(money(amount)) : p.purchases());
    }

    /** Usage covered {@code coverage} at a 40 % discount; {@link #costTimes} models its expiry. */
    static UnaryOperator<DailyPoint> coverage(double coverage) {
        return p -> new DailyPoint(p.date(), p.effectiveCost(), p.usageQuantity(), p.complete(), p.resourceCount(),
                p.newSkuCount(), p.newRegionCount(), money(coverage), p.credits(), p.purchases());
    }

    /** Credits of {@code share} of the day's cost, already netted into the effective cost. */
    static UnaryOperator<DailyPoint> credited(double share) {
        return p -> {
            BigDecimal credit = scale(p.effectiveCost(), -share);
            return new DailyPoint(p.date(), p.effectiveCost().add(credit), p.usageQuantity(), p.complete(),
                    p.resourceCount(), p.newSkuCount(), p.newRegionCount(), p.commitmentCoverage(), credit, p.purchases());
        };
    }

    private static BigDecimal scale(BigDecimal v, double f) {
        return v.multiply(BigDecimal.valueOf(f)).setScale(4, RoundingMode.HALF_EVEN);
    }
}
