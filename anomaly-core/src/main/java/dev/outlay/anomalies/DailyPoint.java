package dev.outlay.anomalies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one series, as the ledger's daily rollup reports it.
 *
 * @param effectiveCost net effective cost of the day, credits and purchases included (may be negative)
 * @param usageQuantity consumed quantity of the usage rows (zero when the series has no usage unit)
 * @param complete      whether the sources feeding this day reported it complete; an incomplete day never
 *                      enters a baseline and can never raise a drop
 * @param resourceCount distinct resource ids seen that day, or null when unknown
 * @param newSkuCount   SKUs seen that day but not in the ledger's look-back window, or null when unknown
 * @param newRegionCount regions seen that day but not in the look-back window, or null when unknown
 * @param commitmentCoverage share (0–1) of usage covered by a commitment (RI/savings plan/CUD), or null
 * @param credits       sum of the credit/refund rows of the day (zero or negative), already inside effectiveCost
 * @param purchases     sum of the one-time purchase rows of the day, already inside effectiveCost
 */
public record DailyPoint(LocalDate date, BigDecimal effectiveCost, BigDecimal usageQuantity, boolean complete,
                         Integer resourceCount, Integer newSkuCount, Integer newRegionCount, BigDecimal commitmentCoverage,
                         BigDecimal credits, BigDecimal purchases) {

    public DailyPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        usageQuantity = usageQuantity == null ? BigDecimal.ZERO : usageQuantity;
        credits = credits == null ? BigDecimal.ZERO : credits;
        purchases = purchases == null ? BigDecimal.ZERO : purchases;
    }

    /** A point without the optional classification signals. */
    public static DailyPoint of(LocalDate date, BigDecimal effectiveCost, BigDecimal usageQuantity, boolean complete) {
        return new DailyPoint(date, effectiveCost, usageQuantity, complete, null, null, null, null, null, null);
    }
}
