package dev.outlay.budgets;

import java.util.List;

/** The allocation owner a budget covers: a team, product, environment, cost centre or account, and its value. */
public record BudgetScope(String type, String value) {

    public static final List<String> TYPES = List.of("team", "product", "environment", "costCentre", "account");
}
