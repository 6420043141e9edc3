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
package dev.outlay.anomalies.benchmark;

import dev.outlay.anomalies.DailyPoint;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.SeriesKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled synthetic billing series. Every series has what real daily spend has — a weekday profile, a
 * smooth intra-month wave, sometimes a month-start fee or a month-end batch bump, trend, multiplicative noise,
 * missing days, late (incomplete, partial) days, running credits, one-day refunds, commitment coverage, and
 * some start mid-year (cold start). Anomaly series additionally get 1–3 injected anomalies of one kind, with
 * sizes drawn on a log scale so that a share of them falls below the 20 % target band on purpose.
 * <p>
 * Randomness is a {@link SplittableRandom} per series seeded from (seed, index) and {@link StrictMath}, so
 * the output is identical on every JVM and run.
 */
public final class BenchmarkGenerator {

    private static final int MONEY_SCALE = 4;

    public List<LabelledSeries> generate(BenchmarkConfig config) {
        List<LabelledSeries> out = new ArrayList<>();
        int index = 0;
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int i = 0; i < config.seriesPerKind(); i++) {
                out.add(series(config, index++, kind));
            }
        }
        for (int i = 0; i < config.controlSeries(); i++) {
            out.add(series(config, index++, null));
        }
        return out;
    }

    private LabelledSeries series(BenchmarkConfig cfg, int index, AnomalyKind kind) {
        SplittableRandom rnd = new SplittableRandom(cfg.seed() * 1_000_003L + index);
        int days = cfg.days();
        SeriesKey key = SeriesKey.of("acct-" + (index % 40),
                (kind == null ? "control" : kind.label()) + "-" + String.format("%05d", index));

        int startDay = rnd.nextDouble() < 0.12 ? 30 + rnd.nextInt(Math.max(1, days / 2 - 30)) : 0;
        double level = StrictMath.exp(uniform(rnd, StrictMath.log(30), StrictMath.log(20_000)));
        double unitPrice = uniform(rnd, 0.02, 1.5);
        double[] weekday = new double[7];
        double weekend = rnd.nextDouble() < 0.3 ? 1.0 : uniform(rnd, 0.35, 0.9);
        for (int d = 0; d < 7; d++) {
            weekday[d] = (d >= 5 ? weekend : 1.0) * (1 + uniform(rnd, -0.03, 0.03));
        }
        double waveAmp = uniform(rnd, 0, 0.03);
        double wavePhase = uniform(rnd, 0, 2 * StrictMath.PI);
        double monthFee = rnd.nextDouble() < 0.2 ? level * uniform(rnd, 0.3, 1.0) : 0;
        double monthEndBump = rnd.nextDouble() < 0.15 ? uniform(rnd, 0.15, 0.4) : 0;
        double trendPerYear = uniform(rnd, -0.2, 0.4);
        double noise = uniform(rnd, 0.005, 0.03);
        boolean covered = kind == AnomalyKind.COMMITMENT_EXPIRY || rnd.nextDouble() < 0.3;
        double coverage = covered ? uniform(rnd, 0.3, 0.8) : 0;
        double discount = covered ? uniform(rnd, 0.25, 0.55) : 0;
        boolean credited = kind == AnomalyKind.CREDIT_ENDED || rnd.nextDouble() < 0.25;
        double creditShare = credited ? uniform(rnd, 0.05, 0.4) : 0;
        int creditFrom = credited && kind != AnomalyKind.CREDIT_ENDED && rnd.nextDouble() < 0.2
                ? startDay + 60 + rnd.nextInt(Math.max(1, days - startDay - 90)) : startDay;
        int resources0 = 3 + rnd.nextInt(200);

        // Anomaly placement: after two months of history, at least 50 days apart, not in the last 20 days.
        List<int[]> windows = new ArrayList<>(); // {start, lastActiveDay, detectByDay}
        List<Double> sizes = new ArrayList<>();
        if (kind != null) {
            int count = switch (kind) {
                case COMMITMENT_EXPIRY, CREDIT_ENDED -> 1;
                case NEW_RESOURCES, PRICE_CHANGE -> 1 + rnd.nextInt(2);
                default -> 1 + rnd.nextInt(3);
            };
            int first = startDay + 60;
            int span = days - 20 - first;
            int slot = span / count;
            for (int a = 0; a < count && slot > 0; a++) {
                int s = first + a * slot + rnd.nextInt(Math.max(1, slot - 50));
                int duration = switch (kind) {
                    case USAGE_SPIKE -> 1 + rnd.nextInt(5);
                    case DATA_GAP -> 2 + rnd.nextInt(3);
                    case ONE_OFF_PURCHASE -> 1;
                    default -> days - s;
                };
                int detectBy = kind.persistent() ? s + 6 : s + duration - 1;
                windows.add(new int[] {s, s + duration - 1, detectBy});
                sizes.add(switch (kind) {
                    case USAGE_SPIKE, NEW_RESOURCES -> logUniform(rnd, 0.1, 2.0);
                    case PRICE_CHANGE -> logUniform(rnd, 0.1, 1.0);
                    case ONE_OFF_PURCHASE -> logUniform(rnd, 0.1, 5.0);
                    case DATA_GAP -> uniform(rnd, 0, 0.15); // share of the data that still arrives
                    default -> 0.0;
                });
            }
        }
        List<DailyPoint> points = new ArrayList<>();
        List<InjectedAnomaly> labels = new ArrayList<>();
        double[] labelCf = new double[windows.size()];
        double[] labelActual = new double[windows.size()];
        for (int t = startDay; t < days; t++) {
            LocalDate date = cfg.start().plusDays(t);
            // Draw every random number of the day up front so the counterfactual shares them.
            double eps = gaussian(rnd);
            double missingDraw = rnd.nextDouble();
            double lateDraw = rnd.nextDouble();
            double lateShare = uniform(rnd, 0.2, 0.9);
            double refundDraw = rnd.nextDouble();
            double refundSize = uniform(rnd, 0.5, 2.0);
            int resourceJitter = rnd.nextInt(3) - 1;

            int dom = date.getDayOfMonth();
            int len = date.lengthOfMonth();
            double month = 1 + waveAmp * StrictMath.sin(2 * StrictMath.PI * dom / len + wavePhase);
            if (monthEndBump > 0 && dom > len - 2) {
                month *= 1 + monthEndBump;
            }
            double dow = weekday[date.getDayOfWeek().getValue() - 1];
            double trend = 1 + trendPerYear * t / 365.0;
            double qty = level / unitPrice * dow * month * trend * (1 + noise * eps);
            double fee = (monthFee > 0 && dom == 1) ? monthFee : 0;
            boolean refund = refundDraw < 0.004;
            double creditRate = t >= creditFrom ? creditShare : 0;

            Day normal = day(qty, unitPrice, coverage, discount, creditRate, fee, 0, refund, refundSize, 1.0);
            Day actual = withAnomalies(kind, windows, sizes, -1, t, qty, unitPrice, coverage, discount, creditRate,
                    fee, refund, refundSize, normal.net);
            int resources = Math.max(1, resources0 + resourceJitter);
            int newSku = 0;
            for (int a = 0; a < windows.size(); a++) {
                int[] w = windows.get(a);
                if (t == w[0]) {
                    // The counterfactual of a label keeps every other injected anomaly (e.g. an earlier price
                    // change), so the label measures only its own step.
                    labelCf[a] = withAnomalies(kind, windows, sizes, a, t, qty, unitPrice, coverage, discount,
                            creditRate, fee, refund, refundSize, normal.net).net;
                    labelActual[a] = actual.net;
                }
                if (kind == AnomalyKind.NEW_RESOURCES && t >= w[0] && t <= w[1]) {
                    resources += (int) Math.max(1, StrictMath.round(resources0 * sizes.get(a)));
                    newSku += t == w[0] ? 1 : 0;
                }
            }
            double cov = coverage;
            if (kind == AnomalyKind.COMMITMENT_EXPIRY && !windows.isEmpty() && t >= windows.get(0)[0]) {
                cov = 0;
            }

            boolean isProtected = inAnyWindow(windows, t, kind);
            if (!isProtected && missingDraw < 0.01) {
                continue;
            }
            boolean late = t >= days - 2 || (!isProtected && lateDraw < 0.015);
            double share = late ? lateShare : 1.0;
            points.add(new DailyPoint(date, money(actual.net * share), money(actual.qty * share), !late,
                    resources, newSku, 0, covered ? BigDecimal.valueOf(cov).setScale(4, RoundingMode.HALF_EVEN) : null,
                    money(actual.credits * share), money(actual.purchase * share)));
        }
        for (int a = 0; a < windows.size(); a++) {
            int[] w = windows.get(a);
            BigDecimal cf = money(labelCf[a]);
            BigDecimal impact = money(labelActual[a]).subtract(cf);
            labels.add(new InjectedAnomaly(key, kind, cfg.start().plusDays(w[0]), cfg.start().plusDays(w[2]),
                    impact, cf));
        }
        return new LabelledSeries(new DailySeries(key, points), kind, labels);
    }

    /** The day with every injected anomaly applied except the one at index {@code skip}. */
    private static Day withAnomalies(AnomalyKind kind, List<int[]> windows, List<Double> sizes, int skip, int t,
                                     double qty, double price, double cov, double discount, double creditRate,
                                     double fee, boolean refund, double refundSize, double normalNet) {
        double purchase = 0;
        double keep = 1.0;
        for (int a = 0; a < windows.size(); a++) {
            int[] w = windows.get(a);
            double s = sizes.get(a);
            if (a == skip || t < w[0] || t > w[1]) {
                continue;
            }
            switch (kind) {
                case USAGE_SPIKE, NEW_RESOURCES -> qty *= 1 + s;
                case PRICE_CHANGE -> price *= 1 + s;
                case COMMITMENT_EXPIRY -> cov = 0;
                case CREDIT_ENDED -> creditRate = 0;
                case ONE_OFF_PURCHASE -> purchase = s * normalNet;
                case DATA_GAP -> keep = s;
            }
        }
        return day(qty, price, cov, discount, creditRate, fee, purchase, refund, refundSize, keep);
    }

    /** Labelled days keep their data whole, so a label never sits on a gap or a late day. */
    private static boolean inAnyWindow(List<int[]> windows, int t, AnomalyKind kind) {
        for (int[] w : windows) {
            if (t >= w[0] && t <= (kind.persistent() ? w[2] : w[1])) {
                return true;
            }
        }
        return false;
    }

    private record Day(double qty, double net, double credits, double purchase) {
    }

    /** Effective cost: usage at the commitment-discounted rate, plus fees and purchases, minus credits. */
    private static Day day(double qty, double price, double coverage, double discount, double creditRate,
                           double fee, double purchase, boolean refund, double refundSize, double keep) {
        double usage = qty * price * (1 - coverage * discount);
        double credits = -creditRate * usage - (refund ? refundSize * usage : 0);
        double net = usage + fee + purchase + credits;
        return new Day(qty * keep, net * keep, credits * keep, purchase * keep);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return StrictMath.exp(uniform(r, StrictMath.log(lo), StrictMath.log(hi)));
    }

    /** Box–Muller with StrictMath, so the noise is bit-identical everywhere. */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

}
