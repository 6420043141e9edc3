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
