package dev.outlay.budgets;

import java.time.LocalDate;
import java.util.List;

/** Actual daily spend for an allocation scope, from the ledger. {@code to} is exclusive; days without spend may be absent. */
public interface ActualSpend {

    List<DailyAmount> daily(BudgetScope scope, LocalDate from, LocalDate to);
}
