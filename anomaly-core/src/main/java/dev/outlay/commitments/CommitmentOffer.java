package dev.outlay.commitments;

import java.math.BigDecimal;

/**
 * One purchasable commitment: {@code discount} = 1 − commitment rate ÷ on-demand rate (a dollar of commitment buys
 * 1 ÷ (1 − discount) dollars of on-demand-equivalent usage), {@code upfrontFraction} of the term's total paid at
 * purchase (0, 0.5, 1 for AWS).
 */
public record CommitmentOffer(String plan, int termYears, PaymentOption payment, BigDecimal discount, BigDecimal upfrontFraction) {
}
