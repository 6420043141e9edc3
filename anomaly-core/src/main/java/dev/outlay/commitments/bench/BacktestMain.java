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

import dev.outlay.commitments.Backtest;
import dev.outlay.commitments.BacktestMonth;
import dev.outlay.commitments.BundledPriceTable;
import dev.outlay.commitments.CommitmentOffer;
import dev.outlay.commitments.RecommenderParams;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the commitment backtest table over the synthetic trace ({@link UsageTrace#standard()}) for every offer of the
 * bundled price table. Run: {@code java -cp anomaly-core/target/classes dev.outlay.commitments.bench.BacktestMain}.
 */
public final class BacktestMain {

    private BacktestMain() {
    }

    public static void main(String[] args) {
        print(System.out, UsageTrace.standard().generate(), BundledPriceTable.awsComputeSavingsPlans().offers(), RecommenderParams.defaults());
    }

    public static void print(PrintStream out, List<dev.outlay.commitments.UsageDay> series, List<CommitmentOffer> offers, RecommenderParams p) {
        for (CommitmentOffer o : offers) {
            Backtest.Result r = Backtest.run(series, o, p);
            out.printf("%s %dy %s (discount %s)%n", o.plan(), o.termYears(), o.payment(), o.discount().stripTrailingZeros().toPlainString());
            out.printf("%-8s %5s %14s %14s %12s %12s %12s %12s %9s%n", "month", "days", "commit/h", "hindsight/h", "ODE", "realized",
                    "unused", "regret", "regret%");
            for (BacktestMonth m : r.months()) {
                out.printf("%-8s %5d %14s %14s %12s %12s %12s %12s %9s%n", m.month(), m.historyDays(), m.recommendedOdePerHour().setScale(4, java.math.RoundingMode.HALF_EVEN),
                        m.hindsightOdePerHour().setScale(4, java.math.RoundingMode.HALF_EVEN), m.ode(), m.realizedSavings(), m.unusedCommitment(),
                        m.regret(), m.regretShare() == null ? "-" : m.regretShare().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN));
            }
            out.printf("total: realized %s, hindsight (per month) %s, regret %s (%s %%), unused %s; best single level %s/h saves %s, regret vs it %s%n%n",
                    r.realizedSavings(), r.hindsightSavings(), r.regret(),
                    r.regretShare() == null ? "-" : r.regretShare().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN),
                    r.unusedCommitment(), r.fixedOdePerHour().setScale(4, java.math.RoundingMode.HALF_EVEN), r.fixedSavings(), r.regretVsFixed());
        }
    }
}
