package dev.outlay.connectors.gcp;

import java.math.BigDecimal;

/**
 * One entry of the export's {@code credits[]} array, kept per type: Google applies these on the usage line itself
 * (sustained/committed use discounts, free tier, promotions, reseller margin…), so they reduce the line's
 * effective cost rather than arriving as separate after-the-fact rows. Amounts are negative in the export.
 */
public record GcpCredit(String id, String name, String fullName, String type, BigDecimal amount) {
}
