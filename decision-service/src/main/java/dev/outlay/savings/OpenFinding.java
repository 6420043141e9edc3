package dev.outlay.savings;

import java.math.BigDecimal;

/** An open savings finding's monthly savings in one currency. */
public record OpenFinding(String findingId, String resourceId, String owner, String detector, String action, String currency,
                          BigDecimal low, BigDecimal expected, BigDecimal high) {
}
