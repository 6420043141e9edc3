package dev.outlay.economics;

import java.math.BigDecimal;

/**
 * One period (a day {@code 2026-11-01} or a month {@code 2026-11}) of a KPI in one currency. {@code metricValue} is
 * null when no day of the period has a value; {@code unitCost} is null when any day of the period has none, or the
 * metric's sum is zero: an undefined ratio is never reported as a free unit.
 */
public record UnitCost(String period, String currency, BigDecimal cost, BigDecimal metricValue, int metricDays, int days,
                       BigDecimal unitCost) {
}
