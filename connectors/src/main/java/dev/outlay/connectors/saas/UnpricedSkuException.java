package dev.outlay.connectors.saas;

import java.util.List;

/**
 * Seats of SKUs the contract price table has no price for on the month's first day: the month is not loaded at all
 * (a charge of zero would hide the spend), and the message names every such SKU so the table can be completed.
 */
public class UnpricedSkuException extends RuntimeException {

    private final String vendor;
    private final List<String> skus;

    public UnpricedSkuException(String vendor, String month, List<String> skus) {
        super("no contract price for vendor " + vendor + " on " + month + "-01 for SKU" + (skus.size() > 1 ? "s " : " ")
                + String.join(", ", skus) + " (put them with PUT /api/v1/contract-prices)");
        this.vendor = vendor;
        this.skus = List.copyOf(skus);
    }

    public String vendor() {
        return vendor;
    }

    public List<String> skus() {
        return skus;
    }
}
