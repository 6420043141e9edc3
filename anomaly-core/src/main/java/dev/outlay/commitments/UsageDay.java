package dev.outlay.commitments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A day's eligible on-demand-equivalent cost not already covered by a commitment. {@code hourly} holds the 24 hourly
 * values when the ledger keeps hours; null for a daily ledger, whose day is treated as 24 equal hours (which hides
 * intra-day dips: confidence is capped and the savings band is the bootstrap's, see {@link Recommender}).
 */
public record UsageDay(LocalDate day, BigDecimal ode, BigDecimal[] hourly) {

    public UsageDay(LocalDate day, BigDecimal ode) {
        this(day, ode, null);
    }
}
