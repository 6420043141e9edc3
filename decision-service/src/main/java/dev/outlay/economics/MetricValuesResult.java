package dev.outlay.economics;

/** What a values upload stored: how many (day, scope value) keys were written (new or replaced). */
public record MetricValuesResult(String metric, int stored) {
}
