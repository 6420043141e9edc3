package dev.outlay.economics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day's value of a metric for one scope value (empty for an unscoped metric). */
public record MetricValue(LocalDate day, String scopeValue, BigDecimal value) {
}
