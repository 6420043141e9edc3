package dev.outlay.allocation;

import java.math.BigDecimal;
import java.util.Map;

/** One distinct combination of the dimensions the allocation rules read, with the ledger sums behind it. */
public record ChargeGroup(Map<String, Object> inputs, BigDecimal effectiveCost, long rows) {

    public String dimension(String name) {
        Object v = inputs.get(name);
        return v == null ? null : v.toString();
    }
}
