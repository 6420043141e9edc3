package dev.outlay.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One distinct combination of the dimensions the allocation rules read, on one charge day, with the ledger sums
 * behind it. The day is not a rule input (rules run once per distinct inputs); it lets runs keep daily owner totals.
 */
public record ChargeGroup(Map<String, Object> inputs, LocalDate day, BigDecimal effectiveCost, long rows) {

    public String dimension(String name) {
        Object v = inputs.get(name);
        return v == null ? null : v.toString();
    }
}
