package dev.outlay.findings;

import java.util.List;
import java.util.Map;

/**
 * What explains a finding: the usage types billed, the costs per currency, the aggregates the rule compared, the
 * inventory facts it read (state, size, attachedTo, ageDays...) and, where a detector prices its saving from a table,
 * {@code savingsBasis}: the rates it used, or why there is no savings figure (null for the other detectors).
 */
public record FindingEvidence(List<String> usageTypes, List<EvidenceCost> costs, List<EvidenceMetric> metrics,
                              Map<String, String> inventory, String savingsBasis) {

    public FindingEvidence {
        usageTypes = List.copyOf(usageTypes);
        costs = List.copyOf(costs);
        metrics = List.copyOf(metrics);
        inventory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inventory));
    }
}
