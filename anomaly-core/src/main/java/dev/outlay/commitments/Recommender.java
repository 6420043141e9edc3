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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Recommends a commitment level per offer of a price table for a usage pool.
 *
 * <ol>
 *   <li>Basis: the last {@code lookbackDays} days. Spike guard: when the last {@code spikeDays} average at least
 *   (100 + {@code spikePercent}) % of the days before them (and those are at least {@code minDays}), the basis is
 *   the days before: a commitment lasts years, a spike does not.</li>
 *   <li>Level: the cost-minimizing ODE per hour on the basis ({@link Newsvendor#optimum}); decline guard: the lower
 *   of that and the level the last {@code recentDays} alone support.</li>
 *   <li>Savings range: monthly savings of that level over 30-day months rebuilt from 7-day blocks of the basis drawn
 *   with a seeded {@link SplittableRandom} (nearest-rank P10/P50/P90), so weekly patterns survive resampling.</li>
 * </ol>
 * Money keeps {@link #SCALE} decimals, ratios {@link #RATIO_SCALE}, HALF_EVEN; the same days, table and
 * parameters give the same recommendation.
 */
public final class Recommender {

    public static final String ENGINE_VERSION = "commitment-newsvendor-1";
    public static final int SCALE = 10;
    public static final int RATIO_SCALE = 6;
    static final BigDecimal MONTH_HOURS = BigDecimal.valueOf(730);
    static final BigDecimal YEAR_HOURS = BigDecimal.valueOf(8760);
    private static final int BLOCK_DAYS = 7;
    private static final int MONTH_DAYS = 30;

    private Recommender() {
    }

    public static Recommendation recommend(List<UsageDay> history, PriceTable table, RecommenderParams p) {
        List<UsageDay> days = new ArrayList<>(history);
        days.sort(Comparator.comparing(UsageDay::day));
        if (days.size() > p.lookbackDays()) days = days.subList(days.size() - p.lookbackDays(), days.size());
        if (days.size() < p.minDays()) {
            return new Recommendation("INSUFFICIENT_DATA", ENGINE_VERSION, days.isEmpty() ? null : days.get(0).day(),
                    days.isEmpty() ? null : days.get(days.size() - 1).day(), days.size(), null, List.of(), Confidence.LOW, List.of());
        }
        Set<Guard> guards = EnumSet.noneOf(Guard.class);
        if (days.stream().anyMatch(d -> d.hourly() == null)) guards.add(Guard.DAILY_GRANULARITY);
        List<UsageDay> basis = days;
        if (days.size() - p.spikeDays() >= p.minDays()) {
            List<UsageDay> earlier = days.subList(0, days.size() - p.spikeDays());
            List<UsageDay> recent = days.subList(days.size() - p.spikeDays(), days.size());
            BigDecimal threshold = mean(earlier).multiply(BigDecimal.valueOf(100L + p.spikePercent())).divide(BigDecimal.valueOf(100));
            if (mean(recent).compareTo(threshold) >= 0) {
                guards.add(Guard.RECENT_SPIKE);
                basis = earlier;
            }
        }
        if (days.size() >= 60) {
            BigDecimal last = mean(days.subList(days.size() - 30, days.size()));
            BigDecimal before = mean(days.subList(days.size() - 60, days.size() - 30));
            if (last.multiply(BigDecimal.TEN).compareTo(before.multiply(BigDecimal.valueOf(9))) <= 0) guards.add(Guard.DECLINING_TREND);
        }
        List<Newsvendor.Sample> basisSamples = Newsvendor.samples(basis);
        List<Newsvendor.Sample> recentSamples = Newsvendor.samples(basis.subList(Math.max(0, basis.size() - p.recentDays()), basis.size()));
        Outcome none = Newsvendor.evaluate(basisSamples, BigDecimal.ZERO, BigDecimal.ZERO);
        BigDecimal monthlyOde = perMonth(none.ode(), none.hours());

        List<OfferRecommendation> offers = new ArrayList<>();
        for (CommitmentOffer o : table.offers()) {
            BigDecimal full = Newsvendor.optimum(basisSamples, o.discount());
            BigDecimal recentLevel = Newsvendor.optimum(recentSamples, o.discount());
            BigDecimal x = full;
            if (recentLevel.compareTo(full) < 0) {
                guards.add(Guard.RECENT_DECLINE);
                x = recentLevel;
            }
            offers.add(offer(o, x, basisSamples, basis, p));
        }
        offers = markBest(offers);
        boolean saves = offers.stream().anyMatch(r -> r.expectedMonthlySavings().signum() > 0);
        List<Guard> guardList = List.copyOf(guards);
        return new Recommendation(saves ? "RECOMMENDED" : "NO_SAVINGS", ENGINE_VERSION, basis.get(0).day(), basis.get(basis.size() - 1).day(),
                basis.size(), money(monthlyOde), guardList, confidence(days, guards), offers);
    }

    private static OfferRecommendation offer(CommitmentOffer o, BigDecimal x, List<Newsvendor.Sample> samples, List<UsageDay> basis,
                                             RecommenderParams p) {
        Outcome e = Newsvendor.evaluate(samples, x, o.discount());
        BigDecimal rate = BigDecimal.ONE.subtract(o.discount());
        BigDecimal hourly = x.multiply(rate);
        BigDecimal termHours = YEAR_HOURS.multiply(BigDecimal.valueOf(o.termYears()));
        BigDecimal total = hourly.multiply(termHours);
        BigDecimal upfront = total.multiply(o.upfrontFraction());
        BigDecimal recurring = hourly.multiply(MONTH_HOURS).multiply(BigDecimal.ONE.subtract(o.upfrontFraction()));
        BigDecimal savings = perMonth(e.savings(), e.hours());
        BigDecimal cost = perMonth(e.commitmentCost().add(e.onDemandCost()), e.hours());
        BigDecimal coveredMonthly = perMonth(e.coveredOde(), e.hours());
        BigDecimal breakEven;
        if (x.signum() == 0 || coveredMonthly.compareTo(recurring) <= 0) breakEven = null;
        else if (upfront.signum() == 0) breakEven = BigDecimal.ZERO.setScale(2);
        else breakEven = upfront.divide(coveredMonthly.subtract(recurring), 2, RoundingMode.HALF_EVEN);
        BigDecimal[] range = bootstrap(basis, x, o.discount(), p);
        BigDecimal utilization = x.signum() == 0 ? null : ratio(e.coveredOde(), e.hours().multiply(x));
        BigDecimal coverage = e.ode().signum() == 0 ? null : ratio(e.coveredOde(), e.ode());
        return new OfferRecommendation(o.plan(), o.termYears(), o.payment(), o.discount(), money(x), money(hourly), money(upfront),
                money(recurring), money(total), money(cost), money(range[0]), money(range[1]), money(range[2]), money(savings),
                utilization, coverage, breakEven, false);
    }

    /** Per term, the offer with the lowest expected monthly cost (ties: the first in table order) is the best. */
    private static List<OfferRecommendation> markBest(List<OfferRecommendation> offers) {
        List<OfferRecommendation> out = new ArrayList<>();
        for (OfferRecommendation r : offers) {
            OfferRecommendation best = offers.stream().filter(o -> o.termYears() == r.termYears())
                    .min(Comparator.comparing(OfferRecommendation::expectedMonthlyCost)).orElseThrow();
            boolean isBest = best == r && r.expectedMonthlySavings().signum() > 0;
            out.add(new OfferRecommendation(r.plan(), r.termYears(), r.payment(), r.discount(), r.coveredOdePerHour(), r.hourlyCommitment(),
                    r.upfront(), r.monthlyRecurring(), r.totalCommitment(), r.expectedMonthlyCost(), r.monthlySavingsP10(),
                    r.monthlySavingsP50(), r.monthlySavingsP90(), r.expectedMonthlySavings(), r.utilization(), r.coverage(),
                    r.breakEvenMonths(), isBest));
        }
        return List.copyOf(out);
    }

    /** P10, P50, P90 of monthly savings over 30-day months rebuilt from random 7-day blocks of the basis. */
    static BigDecimal[] bootstrap(List<UsageDay> basis, BigDecimal x, BigDecimal discount, RecommenderParams p) {
        int block = Math.min(BLOCK_DAYS, basis.size());
        int starts = basis.size() - block + 1;
        SplittableRandom random = new SplittableRandom(p.seed());
        List<BigDecimal> draws = new ArrayList<>(p.resamples());
        for (int r = 0; r < p.resamples(); r++) {
            List<UsageDay> month = new ArrayList<>(MONTH_DAYS);
            while (month.size() < MONTH_DAYS) {
                int s = random.nextInt(starts);
                for (int i = s; i < s + block && month.size() < MONTH_DAYS; i++) month.add(basis.get(i));
            }
            Outcome o = Newsvendor.evaluate(Newsvendor.samples(month), x, discount);
            draws.add(perMonth(o.savings(), o.hours()));
        }
        draws.sort(Comparator.naturalOrder());
        return new BigDecimal[]{rank(draws, 10), rank(draws, 50), rank(draws, 90)};
    }

    private static BigDecimal rank(List<BigDecimal> sorted, int percentile) {
        int n = sorted.size();
        int k = Math.max(1, (int) Math.ceil(percentile / 100.0 * n));
        return sorted.get(k - 1);
    }

    private static Confidence confidence(List<UsageDay> days, Set<Guard> guards) {
        int level = days.size() >= 60 ? 2 : days.size() >= 30 ? 1 : 0;
        if (guards.contains(Guard.DAILY_GRANULARITY)) level = Math.min(level, 1);
        if (guards.contains(Guard.RECENT_SPIKE) || guards.contains(Guard.DECLINING_TREND) || guards.contains(Guard.RECENT_DECLINE)) level--;
        if (variation(days).compareTo(new BigDecimal("0.5")) > 0) level--;
        return Confidence.values()[Math.max(0, level)];
    }

    /** Coefficient of variation of daily ODE (population standard deviation ÷ mean). */
    static BigDecimal variation(List<UsageDay> days) {
        BigDecimal mean = mean(days);
        if (mean.signum() == 0) return BigDecimal.ZERO;
        BigDecimal sq = BigDecimal.ZERO;
        for (UsageDay d : days) sq = sq.add(d.ode().subtract(mean).pow(2));
        BigDecimal var = sq.divide(BigDecimal.valueOf(days.size()), SCALE, RoundingMode.HALF_EVEN);
        return var.sqrt(new java.math.MathContext(12)).divide(mean, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal mean(List<UsageDay> days) {
        if (days.isEmpty()) return BigDecimal.ZERO;
        return days.stream().map(UsageDay::ode).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(days.size()), SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal perMonth(BigDecimal amount, BigDecimal hours) {
        return hours.signum() == 0 ? BigDecimal.ZERO : amount.multiply(MONTH_HOURS).divide(hours, SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
