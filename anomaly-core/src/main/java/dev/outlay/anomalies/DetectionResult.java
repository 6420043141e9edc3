package dev.outlay.anomalies;

import java.util.List;

/** Anomalies sorted by (series, date); new-spend signals sorted by series. */
public record DetectionResult(List<Anomaly> anomalies, List<NewSpend> newSpend) {

    public DetectionResult {
        anomalies = List.copyOf(anomalies);
        newSpend = List.copyOf(newSpend);
    }
}
