package dev.outlay.commitments.api;

/**
 * Turns one offer of a recommendation into a spend request. {@code recommendationId} must be the id the recommendation
 * has now (same {@code asOf} and {@code lookbackDays}): a ledger that changed since answers 409. {@code owner},
 * {@code environment} (default {@code prod}) and {@code budgetId} go to the spend policy as for any spend request.
 */
public record PurchaseRequestInput(String recommendationId, String currency, Integer termYears, String payment, String asOf,
                                   Integer lookbackDays, String owner, String environment, String budgetId) {
}
