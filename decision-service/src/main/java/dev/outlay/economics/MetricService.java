/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Metric and KPI changes, each audited in the transaction that makes it; a refused upload stores nothing. */
@ApplicationScoped
public class MetricService {

    @Inject
    EconomicsRepository repository;

    @Inject
    AuditLog audit;

    public MetricDefinition get(String name) {
        return repository.metric(name).orElseThrow(() -> ProblemException.notFound("metric " + name));
    }

    /** The metric if defined (for writers that define their own metrics on first use). */
    public java.util.Optional<MetricDefinition> find(String name) {
        return repository.metric(name);
    }

    @Transactional
    public MetricDefinition put(String name, MetricInput in) {
        Names.requireSlug("name", name);
        if (in == null) throw ProblemException.badRequest("a JSON body {unit, grain, scope, description} is required");
        List<Problem.Fault> faults = new ArrayList<>();
        if (in.unit() == null || in.unit().isBlank() || in.unit().length() > 64) faults.add(Problem.Fault.at("unit", "required, at most 64 characters"));
        String grain = in.grain() == null ? "daily" : in.grain();
        if (!grain.equals("daily")) faults.add(Problem.Fault.at("grain", "only daily is supported"));
        String scope = in.scope() == null || in.scope().isBlank() || in.scope().equals("none") ? null : in.scope();
        if (!Names.validMetricScope(scope)) {
            faults.add(Problem.Fault.at("scope", "one of team, product, environment, costCentre, tag:<key>, or none"));
        }
        if (in.description() != null && in.description().length() > 1000) faults.add(Problem.Fault.at("description", "at most 1000 characters"));
        if (!faults.isEmpty()) throw ProblemException.unprocessable("invalid metric", faults);
        MetricDefinition before = repository.metric(name).orElse(null);
        if (before != null && !java.util.Objects.equals(before.scope(), scope)) {
            // Stored values are keyed by the old scope's values; re-scoping would silently reinterpret them.
            throw ProblemException.conflict("metric " + name + " is scoped by " + (before.scope() == null ? "none" : before.scope())
                    + "; delete it to change its scope");
        }
        MetricDefinition m = new MetricDefinition(name, in.unit().trim(), grain, scope, in.description(),
                TenantContext.caller().orElseThrow().subject(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.upsertMetric(m);
        audit.record(before == null ? "metric.create" : "metric.update", "metric", name, before, m);
        return m;
    }

    @Transactional
    public void delete(String name) {
        MetricDefinition before = get(name);
        if (repository.metricUsedByKpi(name)) throw ProblemException.conflict("metric " + name + " is the denominator of a KPI");
        repository.deleteMetric(name);
        audit.record("metric.delete", "metric", name, before, null);
    }

    @Transactional
    public MetricValuesResult putValues(String name, List<MetricValue> values) {
        MetricDefinition def = get(name);
        return store(def, MetricValuesCheck.check(def, values, null));
    }

    @Transactional
    public MetricValuesResult putCsv(String name, String csv) {
        MetricDefinition def = get(name);
        List<MetricValuesCsv.Row> rows = MetricValuesCsv.parse(csv);
        return store(def, MetricValuesCheck.check(def, rows.stream().map(MetricValuesCsv.Row::value).toList(),
                rows.stream().map(MetricValuesCsv.Row::line).toList()));
    }

    private MetricValuesResult store(MetricDefinition def, List<MetricValue> values) {
        repository.upsertValues(def.name(), values);
        MetricValuesResult result = new MetricValuesResult(def.name(), values.size());
        audit.record("metric.values", "metric", def.name(), null, result);
        return result;
    }

    public KpiDefinition kpi(String name) {
        return repository.kpi(name).orElseThrow(() -> ProblemException.notFound("KPI " + name));
    }

    @Transactional
    public KpiDefinition putKpi(String name, KpiInput in) {
        Names.requireSlug("name", name);
        if (in == null) throw ProblemException.badRequest("a JSON body {numerator: {dimension, value}, metric, description} is required");
        List<Problem.Fault> faults = new ArrayList<>();
        if (in.numerator() == null || in.numerator().dimension() == null || !Names.OWNER_COLUMNS.containsKey(in.numerator().dimension())) {
            faults.add(Problem.Fault.at("numerator.dimension", "one of team, product, environment, costCentre (the owner dimensions of allocation runs)"));
        }
        if (in.numerator() == null || in.numerator().value() == null || in.numerator().value().isBlank()) {
            faults.add(Problem.Fault.at("numerator.value", "required"));
        }
        MetricDefinition metric = in.metric() == null ? null : repository.metric(in.metric()).orElse(null);
        if (metric == null) faults.add(Problem.Fault.at("metric", "an existing metric of this tenant is required"));
        if (!faults.isEmpty()) throw ProblemException.unprocessable("invalid KPI", faults);
        KpiDefinition before = repository.kpi(name).orElse(null);
        KpiDefinition k = new KpiDefinition(name, in.numerator().dimension(), in.numerator().value().trim(), metric.name(), in.description(),
                TenantContext.caller().orElseThrow().subject(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.upsertKpi(k);
        audit.record(before == null ? "kpi.create" : "kpi.update", "kpi", name, before, k);
        return k;
    }
}
