package dev.outlay.anomalies;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A series whose first cost falls in the detection window: too young for a baseline, but worth a signal. */
public record NewSpend(SeriesKey series, LocalDate firstDate, BigDecimal firstCost) {
}
