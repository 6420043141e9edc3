package dev.outlay.economics;

/** The body of {@code PUT /api/v1/kpis/{name}}: {@code numerator} is {@code {"dimension": "product", "value": "checkout"}}. */
public record KpiInput(Scope numerator, String metric, String description) {

    public record Scope(String dimension, String value) {
    }
}
