package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.Objects;

/** One side's amount for a billing account and service, in one currency (never mixed: the reconciler refuses). */
public record AmountLine(String account, String service, String currency, BigDecimal amount) {
    public AmountLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }
}
