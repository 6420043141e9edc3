package dev.outlay.budgets;

import java.time.LocalDate;
import java.util.List;

/**
 * Actual daily spend for an allocation scope in one currency, from the ledger. {@code to} is exclusive; days
 * without spend may be absent, but an actual that cannot be read is never an absent day: implementations throw
 * {@link ActualsUnavailableException}, so nothing downstream decides on a budget that looks unspent.
 */
public interface ActualSpend {

    List<DailyAmount> daily(BudgetScope scope, String currency, LocalDate from, LocalDate to);
}
