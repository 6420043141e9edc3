package dev.outlay.economics;

import java.time.Instant;

/** A unit-cost KPI: allocated cost of owner scope {@code numeratorDimension = numeratorValue} per unit of {@code metric}. */
public record KpiDefinition(String name, String numeratorDimension, String numeratorValue, String metric, String description,
                            String updatedBy, Instant updatedAt) {
}
