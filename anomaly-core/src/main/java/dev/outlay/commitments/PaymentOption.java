package dev.outlay.commitments;

/** How a commitment is paid; {@code upfrontFraction} of the offer says how much of the term's total is paid at purchase. */
public enum PaymentOption {
    NO_UPFRONT, PARTIAL_UPFRONT, ALL_UPFRONT
}
