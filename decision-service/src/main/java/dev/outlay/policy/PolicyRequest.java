package dev.outlay.policy;

import java.math.BigDecimal;

/** A spend request, or a preview of one, as posted by a client; the budget is optional. */
public record PolicyRequest(String budgetId, String resourceClass, String environment, BigDecimal amount, String currency,
                            String owner, String description) {
}
