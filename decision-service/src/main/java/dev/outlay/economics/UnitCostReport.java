package dev.outlay.economics;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/unit-costs}: the KPI's definition, the window ({@code to} exclusive) and one row per period and currency. */
public record UnitCostReport(String kpi, String numeratorDimension, String numeratorValue, String metric, String unit,
                             String grain, LocalDate from, LocalDate to, int scale, String rounding, List<UnitCost> rows) {
}
