package dev.outlay.policy;

import java.math.BigDecimal;

/** What the spend policy decides on. {@code budgetRemaining} and {@code forecastOverrunPct} are null without a budget. */
public record PolicyInput(String resourceClass, String environment, BigDecimal amount, String owner,
                          BigDecimal budgetRemaining, BigDecimal forecastOverrunPct) {
}
