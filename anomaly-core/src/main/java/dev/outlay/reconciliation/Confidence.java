package dev.outlay.reconciliation;

import java.util.List;

/** How far a reconciliation result can be trusted, and why not fully. */
public record Confidence(Level level, List<String> reasons) {
    public enum Level { HIGH, MEDIUM, LOW }

    public Confidence {
        reasons = List.copyOf(reasons);
    }
}
