package dev.outlay.economics;

/** The body of {@code PUT /api/v1/metrics/{name}}. */
public record MetricInput(String unit, String grain, String scope, String description) {
}
