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
import java.time.YearMonth;

/**
 * One month of a backtest: the level recommended from the days before the month, scored on the month. {@code regret}
 * = the best fixed level's savings in hindsight − {@code realizedSavings}; {@code regretShare} = regret ÷ the
 * hindsight savings (null when those are zero).
 */
public record BacktestMonth(YearMonth month, int historyDays, BigDecimal recommendedOdePerHour, BigDecimal hindsightOdePerHour,
                            BigDecimal ode, BigDecimal realizedSavings, BigDecimal unusedCommitment, BigDecimal utilization,
                            BigDecimal hindsightSavings, BigDecimal regret, BigDecimal regretShare) {
}
