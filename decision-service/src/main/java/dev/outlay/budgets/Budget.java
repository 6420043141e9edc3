package dev.outlay.budgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A spending limit for one allocation scope and period; thresholds are percentages of the amount that alert. */
public record Budget(UUID id, String name, String scopeType, String scopeValue, String period, BigDecimal amount,
                     String currency, List<Integer> thresholds, String createdBy, Instant createdAt, Instant updatedAt) {

    public BudgetScope scope() {
        return new BudgetScope(scopeType, scopeValue);
    }
}
