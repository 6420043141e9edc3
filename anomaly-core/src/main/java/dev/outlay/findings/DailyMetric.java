package dev.outlay.findings;

import dev.outlay.model.inventory.MetricName;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One resource's metric over one UTC day, aggregated from the source's periods.
 *
 * @param average        mean of the periods' averages (percent metrics) or of their per-period values
 * @param maximum        largest period maximum
 * @param sum            total over the day for byte/count metrics, null for percent metrics
 * @param coveredSeconds seconds of the day the samples cover; below 86 400 the day has a gap
 */
public record DailyMetric(String resourceId, MetricName metric, LocalDate day, BigDecimal average,
                          BigDecimal maximum, BigDecimal sum, long coveredSeconds) {

    public static final long SECONDS_PER_DAY = 86_400L;

    public boolean complete() {
        return coveredSeconds >= SECONDS_PER_DAY;
    }
}
