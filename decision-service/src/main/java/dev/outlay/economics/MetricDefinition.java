package dev.outlay.economics;

import java.time.Instant;

/** A business metric of a tenant: daily values, optionally per value of one scope dimension ({@code scope} null = none). */
public record MetricDefinition(String name, String unit, String grain, String scope, String description,
                               String updatedBy, Instant updatedAt) {
}
