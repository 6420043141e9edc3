package dev.outlay.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored daily aggregate. {@code coveredSeconds} below 86 400 is a gap (0 = no sample that day): such a day
 * is missing data, not a quiet day.
 */
public record MetricDayView(String resourceId, String metric, LocalDate day, BigDecimal average, BigDecimal maximum,
                            BigDecimal total, int coveredSeconds, UUID importId) {
}
