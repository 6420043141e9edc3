/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.anomalies.DailyPoint;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit-cost KPIs of the current tenant as anomaly-detector series: one per KPI and currency, the day's allocated
 * cost of the KPI's scope as the series' cost and the day's metric value as its quantity, so the detector's
 * decomposition is the volume (metric) vs efficiency (cost per unit) split. A day without a metric value, or without
 * allocated cost in that currency, is a gap, never a zero: a missing metric must not look like a unit-cost jump.
 */
@ApplicationScoped
public class KpiSeries {

    @Inject
    EconomicsRepository repository;

    @Inject
    UnitCostService unitCosts;

    /** Series over [{@code from}, {@code to}] (both inclusive), sorted by KPI name then currency. */
    public List<DailySeries> load(LocalDate from, LocalDate to) {
        List<DailySeries> out = new ArrayList<>();
        for (KpiDefinition kpi : repository.kpis()) {
            Optional<MetricDefinition> metric = repository.metric(kpi.metric());
            if (metric.isEmpty()) continue;
            String scopeValue = metric.get().scope() == null ? "" : kpi.numeratorValue();
            TreeMap<LocalDate, BigDecimal> values = repository.values(kpi.metric(), scopeValue, from, to.plusDays(1));
            Map<String, TreeMap<LocalDate, BigDecimal>> byCurrency = new TreeMap<>();
            for (CostDay c : unitCosts.costs(kpi, from, to.plusDays(1))) {
                byCurrency.computeIfAbsent(c.currency(), k -> new TreeMap<>()).merge(c.day(), c.amount(), BigDecimal::add);
            }
            byCurrency.forEach((currency, costs) -> {
                List<DailyPoint> points = new ArrayList<>();
                costs.forEach((day, cost) -> {
                    BigDecimal v = values.get(day);
                    if (v != null) points.add(DailyPoint.of(day, cost, v, true));
                });
                if (!points.isEmpty()) out.add(new DailySeries(SeriesKey.kpi(kpi.name(), currency), points));
            });
        }
        return out;
    }

    /** The owner a KPI's anomaly routes to: the team its numerator names, none for other scopes. */
    public Map<String, String> owners() {
        Map<String, String> out = new TreeMap<>();
        for (KpiDefinition kpi : repository.kpis()) {
            if ("team".equals(kpi.numeratorDimension())) out.put(kpi.name(), kpi.numeratorValue());
        }
        return out;
    }
}
