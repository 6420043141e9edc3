package dev.outlay.commitments;

import java.math.BigDecimal;

/**
 * One offer at its optimal level. {@code hourlyCommitment} is what the provider calls the commitment ($/h at the
 * commitment rate) = (1 − d) × {@code coveredOdePerHour}. Monthly figures are per 730 hours. {@code breakEvenMonths}:
 * months until cumulative savings repay the upfront payment (0 without upfront when the covered usage is worth more
 * than the recurring fee; null when it never does). {@code best}: the lowest expected cost of its term.
 */
public record OfferRecommendation(String plan, int termYears, PaymentOption payment, BigDecimal discount, BigDecimal coveredOdePerHour,
                                  BigDecimal hourlyCommitment, BigDecimal upfront, BigDecimal monthlyRecurring, BigDecimal totalCommitment,
                                  BigDecimal expectedMonthlyCost, BigDecimal monthlySavingsP10, BigDecimal monthlySavingsP50,
                                  BigDecimal monthlySavingsP90, BigDecimal expectedMonthlySavings, BigDecimal utilization,
                                  BigDecimal coverage, BigDecimal breakEvenMonths, boolean best) {
}
