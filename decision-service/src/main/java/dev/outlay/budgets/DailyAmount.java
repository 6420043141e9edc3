package dev.outlay.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Actual spend of one day for a budget's scope. */
public record DailyAmount(LocalDate day, BigDecimal amount) {
}
