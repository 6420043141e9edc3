package dev.outlay.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One ledger daily row as findings read it: the billing evidence of a resource.
 *
 * @param commitmentCovered the row's cost is covered by a reservation or savings plan (FOCUS
 *                          CommitmentDiscountId present): removing the resource does not stop that payment
 */
public record LedgerDay(String resourceId, LocalDate day, String usageType, String operation, BigDecimal hours,
                        BigDecimal effectiveCost, BigDecimal listCost, String currency, boolean commitmentCovered,
                        Map<String, String> tags) {

    public LedgerDay {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        Objects.requireNonNull(currency, "currency");
        listCost = listCost == null ? effectiveCost : listCost;
        hours = hours == null ? BigDecimal.ZERO : hours;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
