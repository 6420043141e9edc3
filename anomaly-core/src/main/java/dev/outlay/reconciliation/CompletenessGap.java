package dev.outlay.reconciliation;

import java.time.LocalDate;
import java.util.List;

/** An expected source with the days of the period it has no data for (all days when the source is absent). */
public record CompletenessGap(String source, List<LocalDate> missingDays) {
    public CompletenessGap {
        missingDays = List.copyOf(missingDays);
    }
}
