package dev.outlay.findings;

import java.math.BigDecimal;

/**
 * One value the rule compared: a signal next to the threshold it was judged against.
 *
 * @param name      the signal's row key (cpuMax, lowDays, interAzShare...)
 * @param value     the signal, or null when it was missing
 * @param threshold the profile key it was compared with, or null for context values
 */
public record EvidenceMetric(String name, BigDecimal value, String threshold, BigDecimal thresholdValue) {
}
