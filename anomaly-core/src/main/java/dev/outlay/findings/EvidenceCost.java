package dev.outlay.findings;

import java.math.BigDecimal;

/**
 * The resource's billing over the finding's window in one currency (never summed across currencies).
 *
 * @param commitmentCovered effective cost of rows a reservation or savings plan covers
 */
public record EvidenceCost(String currency, BigDecimal effective, BigDecimal list, BigDecimal commitmentCovered,
                           BigDecimal hours, int billedDays) {
}
