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
package dev.outlay.commitments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cost of covering {@code x} ODE dollars per hour with a commitment at discount d is, over hours h with usage
 * u_h, C(x) = Σ_h [(1 − d)·x + max(0, u_h − x)]. C is convex and piecewise linear with kinks at the usage values, so
 * its minimum is at one of them: the smallest u with P(u ≤ x) ≥ d (the d-quantile; dC/dx = (1 − d) − P(u > x)).
 * Evaluated exactly over every distinct value with prefix sums; ties go to the lower commitment.
 */
public final class Newsvendor {

    /** A usage level per hour held for {@code hours} hours. */
    public record Sample(BigDecimal perHour, BigDecimal hours) {
    }

    private Newsvendor() {
    }

    /** Daily ODE as 24 equal hours, or the day's hourly values when kept. */
    public static List<Sample> samples(List<UsageDay> days) {
        List<Sample> out = new ArrayList<>();
        BigDecimal h24 = BigDecimal.valueOf(24);
        for (UsageDay d : days) {
            if (d.hourly() != null) {
                for (BigDecimal h : d.hourly()) out.add(new Sample(h, BigDecimal.ONE));
            } else {
                out.add(new Sample(d.ode().divide(h24, Recommender.SCALE, java.math.RoundingMode.HALF_EVEN), h24));
            }
        }
        return out;
    }

    public static BigDecimal optimum(List<Sample> samples, BigDecimal discount) {
        if (samples.isEmpty()) return BigDecimal.ZERO;
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(Sample::perHour));
        BigDecimal totalHours = BigDecimal.ZERO;
        BigDecimal totalMass = BigDecimal.ZERO;
        for (Sample s : sorted) {
            totalHours = totalHours.add(s.hours());
            totalMass = totalMass.add(s.hours().multiply(s.perHour()));
        }
        BigDecimal rate = BigDecimal.ONE.subtract(discount);
        // x = 0 first: no commitment costs the whole ODE.
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal bestCost = totalMass;
        BigDecimal hoursAtOrBelow = BigDecimal.ZERO;
        BigDecimal massAtOrBelow = BigDecimal.ZERO;
        int i = 0;
        while (i < sorted.size()) {
            BigDecimal x = sorted.get(i).perHour();
            while (i < sorted.size() && sorted.get(i).perHour().compareTo(x) == 0) {
                hoursAtOrBelow = hoursAtOrBelow.add(sorted.get(i).hours());
                massAtOrBelow = massAtOrBelow.add(sorted.get(i).hours().multiply(sorted.get(i).perHour()));
                i++;
            }
            // C(x) = H(1-d)x + (mass above) - x(hours above)
            BigDecimal hoursAbove = totalHours.subtract(hoursAtOrBelow);
            BigDecimal massAbove = totalMass.subtract(massAtOrBelow);
            BigDecimal cost = totalHours.multiply(rate).multiply(x).add(massAbove).subtract(x.multiply(hoursAbove));
            if (cost.compareTo(bestCost) < 0) {
                bestCost = cost;
                best = x;
            }
        }
        return best;
    }

    /** The weighted p-quantile (smallest value with cumulative hours ≥ p of all hours). */
    public static BigDecimal quantile(List<Sample> samples, BigDecimal p) {
        if (samples.isEmpty()) return BigDecimal.ZERO;
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(Sample::perHour));
        BigDecimal total = sorted.stream().map(Sample::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = total.multiply(p);
        BigDecimal cum = BigDecimal.ZERO;
        for (Sample s : sorted) {
            cum = cum.add(s.hours());
            if (cum.compareTo(target) >= 0) return s.perHour();
        }
        return sorted.get(sorted.size() - 1).perHour();
    }

    public static Outcome evaluate(List<Sample> samples, BigDecimal x, BigDecimal discount) {
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal ode = BigDecimal.ZERO;
        BigDecimal covered = BigDecimal.ZERO;
        for (Sample s : samples) {
            hours = hours.add(s.hours());
            ode = ode.add(s.hours().multiply(s.perHour()));
            covered = covered.add(s.hours().multiply(s.perHour().min(x)));
        }
        BigDecimal rate = BigDecimal.ONE.subtract(discount);
        BigDecimal commitment = hours.multiply(x).multiply(rate);
        BigDecimal onDemand = ode.subtract(covered);
        BigDecimal unused = hours.multiply(x).subtract(covered).multiply(rate);
        return new Outcome(hours, ode, covered, commitment, onDemand, unused, ode.subtract(commitment).subtract(onDemand));
    }
}
