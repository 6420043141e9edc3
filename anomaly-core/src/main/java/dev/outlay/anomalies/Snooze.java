package dev.outlay.anomalies;

import java.time.LocalDate;

/** A manual "not until": no alerts for the series (and cause, or any cause when null) through {@code until}. */
public record Snooze(SeriesKey series, String cause, LocalDate until) {
}
