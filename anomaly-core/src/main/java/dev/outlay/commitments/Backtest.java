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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Rolling-origin backtest of one offer: for every whole calendar month of the series with at least {@code minDays}
 * days before it, recommend from the days before the month only (same guards as a live recommendation), then score
 * that level on what the month's usage actually was, against the best fixed level for the month in hindsight.
 */
public final class Backtest {

    /**
     * Months scored and the totals over them. {@code regretShare} = Σ monthly regret ÷ Σ monthly hindsight savings;
     * {@code fixedOdePerHour} / {@code fixedSavings}: the one level that would have saved most over all scored months
     * together (a commitment is bought once), and {@code regretVsFixed} = its savings − the realized ones.
     */
    public record Result(CommitmentOffer offer, List<BacktestMonth> months, BigDecimal realizedSavings, BigDecimal hindsightSavings,
                         BigDecimal unusedCommitment, BigDecimal regret, BigDecimal regretShare, BigDecimal fixedOdePerHour,
                         BigDecimal fixedSavings, BigDecimal regretVsFixed) {
    }

    private Backtest() {
    }

    public static Result run(List<UsageDay> series, CommitmentOffer offer, RecommenderParams p) {
        List<UsageDay> days = new ArrayList<>(series);
        days.sort(Comparator.comparing(UsageDay::day));
        PriceTable one = new PriceTable("backtest", "backtest", null, null, null, List.of(offer));
        TreeSet<YearMonth> months = new TreeSet<>();
        days.forEach(d -> months.add(YearMonth.from(d.day())));
        List<BacktestMonth> out = new ArrayList<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal hindsight = BigDecimal.ZERO;
        BigDecimal unused = BigDecimal.ZERO;
        List<UsageDay> scored = new ArrayList<>();
        for (YearMonth m : months) {
            List<UsageDay> before = days.stream().filter(d -> d.day().isBefore(m.atDay(1))).toList();
            List<UsageDay> during = days.stream().filter(d -> YearMonth.from(d.day()).equals(m)).toList();
            if (before.size() < p.minDays() || during.size() < m.lengthOfMonth()) continue;
            Recommendation r = Recommender.recommend(before, one, p);
            BigDecimal x = r.offers().isEmpty() ? BigDecimal.ZERO : r.offers().get(0).coveredOdePerHour();
            List<Newsvendor.Sample> test = Newsvendor.samples(during);
            Outcome o = Newsvendor.evaluate(test, x, offer.discount());
            BigDecimal best = Newsvendor.optimum(test, offer.discount());
            Outcome h = Newsvendor.evaluate(test, best, offer.discount());
            BigDecimal regret = h.savings().subtract(o.savings());
            out.add(new BacktestMonth(m, Math.min(before.size(), p.lookbackDays()), x, best, money(o.ode()), money(o.savings()),
                    money(o.unusedCommitment()), x.signum() == 0 ? null : o.coveredOde().divide(o.hours().multiply(x), Recommender.RATIO_SCALE, RoundingMode.HALF_EVEN),
                    money(h.savings()), money(regret),
                    h.savings().signum() == 0 ? null : regret.divide(h.savings(), Recommender.RATIO_SCALE, RoundingMode.HALF_EVEN)));
            scored.addAll(during);
            realized = realized.add(o.savings());
            hindsight = hindsight.add(h.savings());
            unused = unused.add(o.unusedCommitment());
        }
        BigDecimal regret = hindsight.subtract(realized);
        List<Newsvendor.Sample> all = Newsvendor.samples(scored);
        BigDecimal fixed = Newsvendor.optimum(all, offer.discount());
        BigDecimal fixedSavings = Newsvendor.evaluate(all, fixed, offer.discount()).savings();
        return new Result(offer, List.copyOf(out), money(realized), money(hindsight), money(unused), money(regret),
                hindsight.signum() == 0 ? null : regret.divide(hindsight, Recommender.RATIO_SCALE, RoundingMode.HALF_EVEN),
                fixed, money(fixedSavings), money(fixedSavings.subtract(realized)));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
