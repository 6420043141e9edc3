package dev.outlay.anomalies.benchmark;

import dev.outlay.anomalies.DailySeries;
import java.util.List;

/** A generated series, the kind injected into it (null for a control series) and its labels. */
public record LabelledSeries(DailySeries series, AnomalyKind kind, List<InjectedAnomaly> labels) {

    public LabelledSeries {
        labels = List.copyOf(labels);
    }

    public boolean control() {
        return kind == null;
    }
}
