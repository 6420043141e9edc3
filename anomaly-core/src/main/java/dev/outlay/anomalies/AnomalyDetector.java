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
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Deterministic daily cost anomaly detection. For every day d of a series:
 * <ol>
 *   <li><b>Baseline</b> of the running cost (net of credits and purchases) b = S · (w + (1 − w) · r): S is the
 *       median of the same weekday over the last {@code seasonalWeeks} weeks; r is the median, over the last
 *       {@code recentWindowDays} days, of each day's cost divided by its own same-weekday median. r is
 *       weekday-free and tells how far the level moved since the seasonal samples were taken, so the
 *       baseline follows a trend or a recent shift faster than S alone. Expected credits (trailing median
 *       credit/cost ratio × b) are added; purchases are expected to be zero. Only complete days feed it.</li>
 *   <li><b>Spread</b> σ = max(1.4826 · MAD of the residuals (cost − baseline) of the last
 *       {@code spreadWindowDays} days, relativeSpreadFloor · |b|, absoluteSpreadFloor).</li>
 *   <li><b>Score</b> z = (cost − b) / σ. Day d is an anomaly when |cost − b| ≥ minAbsoluteImpact
 *       <em>and</em> |z| ≥ minScore, both also against the plain seasonal median S, the series has
 *       minHistoryDays of history, and no explanation applies: a drop on an incomplete day (late data), an
 *       excess on an incomplete day made of credits still to come, a drop made of credits/refunds, an excess
 *       that the same day-of-month (or the same days-before-month-end) of earlier months also had (up to its
 *       size: what lies beyond must clear both thresholds again), or an excess on a calendar position no
 *       earlier month was observed at.</li>
 * </ol>
 * Money is fixed-point (4 places) inside and {@link BigDecimal} at 2 places outside; the score is a double
 * computed by the same operations in the same order on every run, so ids and scores are reproducible.
 */
public final class AnomalyDetector {

    private static final int SCALE = 4;
    private static final long UNIT = 10_000L;
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final long NONE = Long.MIN_VALUE;
    private static final long PPM = 1_000_000L;
    private static final int MONTHLY_LOOKBACK = 3;
    private static final int MONTH_END_DAYS = 3;

    private final DetectionParameters p;
    private final String fingerprint;
    private final long minImpact;
    private final double absFloor;

    public AnomalyDetector(DetectionParameters parameters) {
        this.p = parameters;
        this.fingerprint = parameters.fingerprint();
        this.minImpact = toUnits(parameters.minAbsoluteImpact());
        this.absFloor = toUnits(parameters.absoluteSpreadFloor());
    }

    public DetectionParameters parameters() {
        return p;
    }

    /** Anomalies whose date lies in [from, to]; history before {@code from} is used for baselines only. */
    public DetectionResult detect(Collection<DailySeries> series, LocalDate from, LocalDate to) {
        List<DailySeries> ordered = new ArrayList<>(series);
        ordered.sort(Comparator.comparing(DailySeries::key));
        List<Anomaly> anomalies = new ArrayList<>();
        List<NewSpend> newSpend = new ArrayList<>();
        for (DailySeries s : ordered) {
            detectInto(s, from, to, anomalies, newSpend, null);
        }
        return new DetectionResult(anomalies, newSpend);
    }

    /**
     * Same result as {@link #detect(Collection, LocalDate, LocalDate)}, series spread over the common pool;
     * series are independent and the parts are joined in key order, so the output is identical.
     */
    public DetectionResult detectParallel(Collection<DailySeries> series, LocalDate from, LocalDate to) {
        List<DailySeries> ordered = new ArrayList<>(series);
        ordered.sort(Comparator.comparing(DailySeries::key));
        List<DetectionResult> parts = ordered.parallelStream().map(s -> {
            List<Anomaly> a = new ArrayList<>();
            List<NewSpend> n = new ArrayList<>();
            detectInto(s, from, to, a, n, null);
            return new DetectionResult(a, n);
        }).toList();
        List<Anomaly> anomalies = new ArrayList<>();
        List<NewSpend> newSpend = new ArrayList<>();
        for (DetectionResult r : parts) {
            anomalies.addAll(r.anomalies());
            newSpend.addAll(r.newSpend());
        }
        return new DetectionResult(anomalies, newSpend);
    }

    public DetectionResult detect(DailySeries series, LocalDate from, LocalDate to) {
        return detect(List.of(series), from, to);
    }

    /**
     * One day of a series with the band a day must leave to be an anomaly: the baseline b the detector computed for it,
     * and b ∓ max(minAbsoluteImpact, minScore · σ), the two thresholds of the rule above. A day inside the band is never
     * an anomaly; a day outside may still be explained away (late data, a refund, a monthly charge).
     */
    public record BandDay(LocalDate day, BigDecimal cost, BigDecimal baseline, BigDecimal low, BigDecimal high) {
    }

    /**
     * The band of every day in [from, to] that has a baseline and enough residuals for a spread, computed by the same
     * loop as {@link #detect}, so a chart shows exactly what the detector compared each day against.
     */
    public List<BandDay> band(DailySeries series, LocalDate from, LocalDate to) {
        List<BandDay> out = new ArrayList<>();
        detectInto(series, from, to, new ArrayList<>(), new ArrayList<>(), out);
        return out;
    }

    private BandDay bandDay(LocalDate day, long cost, long b, double sigma) {
        long half = Math.max(minImpact, (long) Math.ceil(p.minScore() * sigma));
        return new BandDay(day, money(cost), money(b), money(b - half), money(b + half));
    }

    /** σ of day i from the residuals of the spread window before it; NaN with fewer than minSpreadSamples of them. */
    private double sigmaAt(long[] resid, boolean[] hasResid, int i, long b, long[] scratch, long[] scratch2) {
        int k = 0;
        for (int j = Math.max(0, i - p.spreadWindowDays()); j < i; j++) {
            if (hasResid[j]) {
                scratch[k++] = resid[j];
            }
        }
        if (k < p.minSpreadSamples()) {
            return Double.NaN;
        }
        return Math.max(MAD_TO_SIGMA * RobustStats.fourTimesMad(scratch, k, scratch2) / 4.0,
                Math.max(p.relativeSpreadFloor() * Math.abs((double) b), absFloor));
    }

    private void detectInto(DailySeries s, LocalDate from, LocalDate to, List<Anomaly> out, List<NewSpend> newOut,
                            List<BandDay> band) {
        List<DailyPoint> pts = s.points();
        if (pts.isEmpty()) {
            return;
        }
        LocalDate day0 = pts.get(0).date();
        int n = (int) ChronoUnit.DAYS.between(day0, pts.get(pts.size() - 1).date()) + 1;
        DailyPoint[] at = new DailyPoint[n];
        long[] cost = new long[n];
        long[] running = new long[n];
        long[] gross = new long[n];
        long[] credits = new long[n];
        boolean[] usable = new boolean[n];
        boolean anyCredits = false;
        for (DailyPoint pt : pts) {
            int i = (int) ChronoUnit.DAYS.between(day0, pt.date());
            at[i] = pt;
            cost[i] = toUnits(pt.effectiveCost());
            credits[i] = toUnits(pt.credits());
            gross[i] = cost[i] - credits[i];
            running[i] = gross[i] - toUnits(pt.purchases());
            usable[i] = pt.complete();
            anyCredits |= credits[i] != 0;
        }
        for (DailyPoint pt : pts) {
            if (pt.effectiveCost().signum() != 0) {
                if (!pt.date().isBefore(from) && !pt.date().isAfter(to)) {
                    newOut.add(new NewSpend(s.key(), pt.date(), money(toUnits(pt.effectiveCost()))));
                }
                break;
            }
        }
        int fromIdx = (int) Math.max(0, ChronoUnit.DAYS.between(day0, from));
        int toIdx = (int) Math.min(n - 1, ChronoUnit.DAYS.between(day0, to));
        if (toIdx < fromIdx) {
            return;
        }
        long[] runningBase = new long[n];
        long[] resid = new long[n];
        boolean[] hasResid = new boolean[n];
        long[] scratch = new long[Math.max(p.recentWindowDays(), Math.max(p.spreadWindowDays(), p.seasonalWeeks()))];
        long[] seasonal = new long[n];
        long[] scratch2 = new long[scratch.length];
        long[] qty = null;
        long[] qtySeasonal = null;
        long[] explained = new long[1];
        for (int i = 0; i <= toIdx; i++) {
            // Expected net cost = expected running cost + expected credits, each with its own weekly pattern;
            // purchases are expected to be zero. So a refund or a purchase never bends the baseline.
            seasonal[i] = seasonalTwice(running, usable, i, scratch);
            long b = baseline(running, usable, seasonal, i, scratch);
            runningBase[i] = b;
            if (b == NONE) {
                continue;
            }
            long creditBase = 0;
            if (anyCredits) {
                creditBase = expectedCredits(credits, running, usable, i, b, scratch);
                b += creditBase;
            }
            if (usable[i]) {
                resid[i] = cost[i] - b;
                hasResid[i] = true;
            }
            if (band != null && i >= fromIdx && at[i] != null && i >= p.minHistoryDays()) {
                double sg = sigmaAt(resid, hasResid, i, b, scratch, scratch2);
                if (!Double.isNaN(sg)) band.add(bandDay(at[i].date(), cost[i], b, sg));
            }
            if (i < fromIdx || at[i] == null || i < p.minHistoryDays()) {
                continue;
            }
            long impact = cost[i] - b;
            if (Math.abs(impact) < minImpact) {
                continue;
            }
            double sigma = sigmaAt(resid, hasResid, i, b, scratch, scratch2);
            if (Double.isNaN(sigma)) {
                continue;
            }
            double score = impact / sigma;
            if (Math.abs(score) < p.minScore()) {
                continue;
            }
            if (!standsOutFromSeasonal(cost[i], impact, sigma, seasonal[i], credits, running, usable, i, anyCredits,
                    scratch)) {
                continue;
            }
            Anomaly.Direction dir = impact > 0 ? Anomaly.Direction.INCREASE : Anomaly.Direction.DECREASE;
            DailyPoint pt = at[i];
            if (dir == Anomaly.Direction.DECREASE && !pt.complete()) {
                continue; // late data: the rest of the day has not arrived yet
            }
            long creditChange = credits[i] - creditBase;
            if (dir == Anomaly.Direction.INCREASE && !pt.complete() && creditChange > 0
                    && (impact - creditChange < minImpact || (impact - creditChange) / sigma < p.minScore())) {
                continue; // late data: credits often post after the usage rows, so only usage may count as excess
            }
            if (recursMonthly(day0, pt.date(), impact, gross, running, usable, runningBase, i, pt.complete(), explained)) {
                // The recurring charge explains its own size, not more: a spike on the day of a monthly fee is
                // still news when what lies beyond the fee clears both thresholds.
                long beyond = explained[0] == Long.MAX_VALUE ? 0 : Math.abs(impact) - explained[0];
                if (beyond < minImpact || beyond / sigma < p.minScore()) {
                    continue;
                }
            }
            if (dir == Anomaly.Direction.DECREASE && creditChange < 0 && -creditChange * 2 >= -impact) {
                continue; // a refund or a new credit: the cost went down on purpose
            }
            if (qty == null) {
                qty = new long[n];
                qtySeasonal = new long[n];
                for (int j = 0; j < n; j++) {
                    qty[j] = at[j] == null ? 0 : toUnits(at[j].usageQuantity());
                }
                for (int j = 0; j <= toIdx; j++) {
                    qtySeasonal[j] = seasonalTwice(qty, usable, j, scratch);
                }
            }
            long qtyBase = baseline(qty, usable, qtySeasonal, i, scratch);
            out.add(anomaly(s.key(), pt, i, cost[i], b, sigma, score, dir, qtyBase == NONE ? 0 : qtyBase,
                    creditBase, creditChange, at, usable, scratch));
        }
    }

    private Anomaly anomaly(SeriesKey key, DailyPoint pt, int i, long cost, long b, double sigma, double score,
                            Anomaly.Direction dir, long qtyBase, long creditBase, long creditChange,
                            DailyPoint[] at, boolean[] usable, long[] scratch) {
        BigDecimal cost2 = money(cost);
        BigDecimal base2 = money(b);
        BigDecimal impact = cost2.subtract(base2);
        BigDecimal rel = base2.signum() == 0 ? null : impact.divide(base2.abs(), 4, RoundingMode.HALF_EVEN);
        CostDecomposition dec = CostDecomposition.of(base2, BigDecimal.valueOf(qtyBase, SCALE), cost2,
                BigDecimal.valueOf(toUnits(pt.usageQuantity()), SCALE));
        Integer newResources = null;
        if (pt.resourceCount() != null) {
            long med = trailingMedian(at, usable, i,
                    q -> q.resourceCount() == null ? NONE : (long) q.resourceCount(), scratch);
            newResources = med == NONE ? null : (int) (pt.resourceCount() - med);
        }
        BigDecimal coverageChange = null;
        if (pt.commitmentCoverage() != null) {
            long med = trailingMedian(at, usable, i,
                    q -> q.commitmentCoverage() == null ? NONE : toUnits(q.commitmentCoverage()), scratch);
            coverageChange = med == NONE ? null
                    : BigDecimal.valueOf(toUnits(pt.commitmentCoverage()) - med, SCALE);
        }
        long credits = toUnits(pt.credits());
        boolean creditEnded = creditBase < 0 && Math.abs(credits) * 10 <= -creditBase;
        AnomalySignals signals = new AnomalySignals(newResources, pt.newSkuCount(), pt.newRegionCount(), coverageChange,
                money(creditChange), creditEnded, money(toUnits(pt.purchases())), pt.complete(), i);
        double rounded = Math.round(score * 1000.0) / 1000.0;
        BigDecimal spread = BigDecimal.valueOf(sigma / UNIT).setScale(2, RoundingMode.HALF_EVEN);
        return new Anomaly(Anomaly.idFor(key, pt.date(), dir, fingerprint), key, pt.date(), dir, cost2, base2,
                impact, rel, rounded, spread, dec, signals, fingerprint);
    }

    /**
     * The level correction r is a median of the last few days, and a run of calendar days (a month-end batch, the
     * 1st's fee) next to a gap can tilt it for a day or two; the plain same-weekday median S cannot be moved by
     * them. A day is only anomalous when it clears both thresholds, in the same direction, against S as well
     * (with its own expected credits). A genuine change clears both: S is the older view, so it lags behind the
     * new level at least as much as b does.
     */
    private boolean standsOutFromSeasonal(long cost, long impact, double sigma, long seasonalTwice, long[] credits,
                                          long[] running, boolean[] usable, int i, boolean anyCredits, long[] scratch) {
        if (seasonalTwice == NONE) {
            return true;
        }
        long s = divHalfEven(seasonalTwice, 2);
        if (anyCredits) {
            s += expectedCredits(credits, running, usable, i, s, scratch);
        }
        long impactS = cost - s;
        return Long.signum(impactS) == Long.signum(impact) && Math.abs(impactS) >= minImpact
                && Math.abs(impactS / sigma) >= p.minScore();
    }

    /** 2 × the median of the same weekday over the last N weeks (complete days only), or NONE. */
    private long seasonalTwice(long[] v, boolean[] usable, int i, long[] scratch) {
        int k = 0;
        for (int w = 1; w <= p.seasonalWeeks(); w++) {
            int j = i - 7 * w;
            if (j >= 0 && usable[j]) {
                scratch[k++] = v[j];
            }
        }
        return k < p.minSeasonalSamples() ? NONE : RobustStats.twiceMedian(scratch, k);
    }

    /**
     * b = S · (w + (1 − w) · r): S = seasonal[i] / 2, r = median over the recent window of v[j] / S_j, each day
     * against its own same-weekday median. S lags the level by a couple of weeks; r says by how much the
     * recent days beat their own (equally lagged) seasonal medians, whatever their weekday, so a missing or
     * late weekday cannot tilt it. {@code seasonal} must hold seasonalTwice for every day up to i.
     */
    private long baseline(long[] v, boolean[] usable, long[] seasonal, int i, long[] scratch) {
        long s2 = seasonal[i];
        if (s2 == NONE || s2 <= 0) {
            return s2 == NONE ? NONE : divHalfEven(s2, 2);
        }
        int k = 0;
        for (int j = Math.max(0, i - p.recentWindowDays()); j < i; j++) {
            if (usable[j] && seasonal[j] != NONE && seasonal[j] > 0) {
                scratch[k++] = mulDiv(2 * v[j], PPM, seasonal[j]);
            }
        }
        if (k < p.minRecentSamples()) {
            return divHalfEven(s2, 2);
        }
        long ratio = divHalfEven(RobustStats.twiceMedian(scratch, k), 2);
        int w = p.seasonalWeightPercent();
        long blend = divHalfEven(w * PPM + (100L - w) * ratio, 100);
        return mulDiv(s2, blend, 2 * PPM);
    }

    /**
     * Credits mostly scale with usage (negotiated discounts, promotional credits), so the expected credit is the
     * trailing median credit-to-running-cost ratio times today's expected running cost. A median over the long
     * window shrugs off one-day refunds that a four-sample weekday median would not.
     */
    private long expectedCredits(long[] credits, long[] running, boolean[] usable, int i, long runningBase,
                                 long[] scratch) {
        int k = 0;
        for (int j = Math.max(0, i - p.spreadWindowDays()); j < i; j++) {
            if (usable[j] && running[j] > 0) {
                scratch[k++] = mulDiv(credits[j], PPM, running[j]);
            }
        }
        if (k == 0) {
            return 0;
        }
        long ratio = divHalfEven(RobustStats.twiceMedian(scratch, k), 2);
        return mulDiv(ratio, runningBase, PPM);
    }

    /** round-half-even(a · b / c) for c > 0, exact even when a · b overflows a long. */
    static long mulDiv(long a, long b, long c) {
        try {
            return divHalfEven(Math.multiplyExact(a, b), c);
        } catch (ArithmeticException overflow) {
            return new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                    .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    /** Median of a per-point signal over the complete days of the spread window before i (NONE if none). */
    private long trailingMedian(DailyPoint[] at, boolean[] usable, int i, Function<DailyPoint, Long> f,
                                long[] scratch) {
        int k = 0;
        for (int j = Math.max(0, i - p.spreadWindowDays()); j < i; j++) {
            if (usable[j] && at[j] != null) {
                long v = f.apply(at[j]);
                if (v != NONE) {
                    scratch[k++] = v;
                }
            }
        }
        return k == 0 ? NONE : divHalfEven(RobustStats.twiceMedian(scratch, k), 2);
    }

    /**
     * Month boundaries: monthly fees, month-end batch runs and the like repeat on the same day of the month or
     * the same number of days before month end. If the previous month's matching day had a similar excess over
     * its own baseline, today's excess is the pattern, not news.
     */
    private boolean recursMonthly(LocalDate day0, LocalDate date, long netImpact, long[] gross, long[] running, boolean[] usable,
                                  long[] runningBase, int i, boolean complete, long[] explained) {
        // Compared before credits: a credit programme starting or ending between the two months must not
        // hide a fee that repeats. Purchases count, since a monthly licence purchase is a recurring pattern.
        long todayBase = runningBase[i];
        long impact = gross[i] - todayBase;
        if (Long.signum(impact) != Long.signum(netImpact) || !similarOrLarger(impact, netImpact)) {
            return false; // the change is not in the gross cost (e.g. a credit ended): not a monthly pattern
        }
        int daysToEnd = date.lengthOfMonth() - date.getDayOfMonth();
        boolean calendarSeen = false;
        for (int alignment = 0; alignment < 2; alignment++) {
            // A pattern is something seen before more than once: at least two of the last MONTHLY_LOOKBACK
            // months show a similar excess on the matching day, or the only month with data does (young
            // series). One earlier coincidence alone does not hide a new spike. An unusable matching day (gap,
            // late data) is stood in for by its neighbours, since month-end runs often span two days.
            int available = 0;
            int matches = 0;
            long best = 0;
            for (int m = 1; m <= MONTHLY_LOOKBACK; m++) {
                LocalDate c = alignment == 0 ? date.minusMonths(m)
                        : YearMonth.from(date).minusMonths(m).atEndOfMonth().minusDays(daysToEnd);
                int x = (int) ChronoUnit.DAYS.between(day0, c);
                if (x < 0) {
                    break; // before the series began
                }
                // a matching day whose own level cannot be estimated counts as missing, not as evidence
                boolean seen = x < i && usable[x] && levelAt(running, usable, runningBase, x, i) != NONE;
                long e = seen ? monthlyMatch(x, impact, todayBase, gross, running, usable, runningBase, i, complete) : -1;
                boolean match = e >= 0;
                for (int y = x - 1; !seen && y <= x + 1; y += 2) {
                    // a neighbour only ever adds evidence for the pattern, never against it
                    long ey = y >= 0 && y < i && usable[y]
                            ? monthlyMatch(y, impact, todayBase, gross, running, usable, runningBase, i, complete) : -1;
                    if (ey >= 0) {
                        seen = true;
                        match = true;
                        e = ey;
                    }
                }
                if (match) {
                    best = Math.max(best, e);
                }
                available += seen ? 1 : 0;
                matches += match ? 1 : 0;
            }
            if (matches >= 2 || (matches == 1 && available == 1)) {
                // one earlier month (a young series) shows that there is a pattern, not how big it is
                explained[0] = matches >= 2 ? best : Long.MAX_VALUE;
                return true;
            }
            // What counts is the day's own calendar position: the same day of the month, and for the last days
            // of a month also the same distance to its end (month-end runs). Alignment 1 of a mid-month day is
            // just another day, so it neither adds nor removes evidence.
            if (alignment == 0) {
                calendarSeen = available > 0;
            } else if (daysToEnd < MONTH_END_DAYS) {
                calendarSeen &= available > 0;
            }
        }
        // Calendar cold start: no earlier month shows this day (or its month-end twin) in usable data, e.g. the
        // 1sts were all gaps. Whether today's excess is a monthly charge is unknown, just as any excess is unknown
        // before minHistoryDays; next month, with one observed matching day, it is judged.
        explained[0] = Long.MAX_VALUE;
        return !calendarSeen;
    }

    /**
     * −1 when day j's excess does not match today's, else how much of today's excess it explains: the larger of
     * its amount (a fixed fee) and its share of the level applied to today's level (a batch run), the generous
     * reading, so that only what clearly lies beyond the pattern can still alert.
     */
    private long monthlyMatch(int j, long impact, long todayBase, long[] gross, long[] running, boolean[] usable,
                              long[] runningBase, int i, boolean complete) {
        long prevBase = levelAt(running, usable, runningBase, j, i);
        if (prevBase == NONE) {
            return -1;
        }
        long prevExcess = gross[j] - prevBase;
        if (Long.signum(prevExcess) != Long.signum(impact)) {
            return -1;
        }
        long scaled = prevBase > 0 && todayBase > 0 ? Math.abs(mulDiv(prevExcess, todayBase, prevBase)) : 0;
        long explains = Math.max(Math.abs(prevExcess), scaled);
        if (!complete) {
            // Partial day: a fee arrives whole while usage trickles in, so only ask whether last month's
            // excess is big enough to explain what has arrived so far.
            return similarOrLarger(prevExcess, impact) ? explains : -1;
        }
        // A fixed fee repeats in amount, a batch run in proportion to the day's level (which differs between a
        // weekday and a weekend): either match counts.
        boolean match = similar((double) prevExcess, (double) impact)
                || (prevBase > 0 && todayBase > 0
                    && similar((double) prevExcess / prevBase, (double) impact / todayBase));
        return match ? explains : -1;
    }

    private boolean similarOrLarger(long part, long whole) {
        return Math.abs((double) part) >= p.monthlyMatchRatio() * Math.abs((double) whole);
    }

    private boolean similar(double prev, double now) {
        double ratio = Math.abs(prev) / Math.abs(now);
        return ratio >= p.monthlyMatchRatio() && ratio <= 1.0 / p.monthlyMatchRatio();
    }

    private static long levelAt(long[] running, boolean[] usable, long[] runningBase, int j, int i) {
        return runningBase[j] != NONE ? runningBase[j] : localLevel(running, usable, j, i);
    }

    /**
     * Same-weekday level around j (three weeks either side, only days before i), for a matching day that has no
     * baseline of its own: at the very start of a series, or after gaps.
     */
    private static long localLevel(long[] cost, boolean[] usable, int j, int i) {
        long[] s = new long[6];
        int k = 0;
        for (int d : new int[] {-21, -14, -7, 7, 14, 21}) {
            int x = j + d;
            if (x >= 0 && x < i && usable[x]) {
                s[k++] = cost[x];
            }
        }
        return k < 2 ? NONE : divHalfEven(RobustStats.twiceMedian(s, k), 2);
    }

    static long divHalfEven(long num, long den) {
        long q = Math.floorDiv(num, den);
        long r = num - q * den; // 0 <= r < den for den > 0
        long twice = 2 * r;
        if (twice > den || (twice == den && (q & 1) == 1)) {
            q++;
        }
        return q;
    }

    static long toUnits(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    static BigDecimal money(long units) {
        return BigDecimal.valueOf(units, SCALE).setScale(CostDecomposition.MONEY_SCALE, RoundingMode.HALF_EVEN);
    }
}
