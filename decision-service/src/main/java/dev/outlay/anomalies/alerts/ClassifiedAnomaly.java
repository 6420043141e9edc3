package dev.outlay.anomalies.alerts;

import dev.outlay.anomalies.Anomaly;

/**
 * An anomaly with what the classification rule set and the allocation said about it. {@code severity} is null when
 * the rule version names none we know; {@code owner} is null when no allocation result names an owner.
 */
public record ClassifiedAnomaly(Anomaly anomaly, String cause, Severity severity, String routing, String owner) {
}
