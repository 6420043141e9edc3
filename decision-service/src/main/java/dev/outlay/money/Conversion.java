package dev.outlay.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A converted figure and everything needed to recompute it: the source amount and currency, the rate used, the
 * date that rate is quoted for, the rate-set version it came from, and the result in the target currency.
 */
public record Conversion(BigDecimal amount, String currency, BigDecimal convertedAmount, String convertedCurrency,
                         BigDecimal rate, LocalDate rateDate, String rateVersion) {
}
