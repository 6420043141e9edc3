package dev.outlay.contracts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One vendor's current contract prices, as read once for a poll so every SKU of it is priced from the same versions. */
public record PriceBook(String vendor, List<ContractPrice> prices) {

    /**
     * The price of {@code sku} in force on {@code day}; when two ranges overlap (a renewal put before the old term's
     * end was closed), the one that started later wins.
     */
    public Optional<ContractPrice> priceOn(String sku, LocalDate day) {
        return prices.stream().filter(p -> p.sku().equals(sku) && p.covers(day))
                .max(Comparator.comparing(ContractPrice::validFrom));
    }
}
