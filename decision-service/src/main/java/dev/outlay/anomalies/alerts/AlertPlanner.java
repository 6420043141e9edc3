/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

import dev.outlay.anomalies.AlertDecision;
import dev.outlay.anomalies.AlertSuppressor;
import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.SeriesKey;
import dev.outlay.anomalies.Snooze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which freshly detected anomalies alert, on top of {@link AlertSuppressor}:
 * <ol>
 *   <li>Episodes span detection runs: the tenant's stored anomalies of the look-back are replayed first (with
 *       their stored cause), so a persistent change detected again tomorrow joins yesterday's alert, and an id
 *       already stored is a duplicate.</li>
 *   <li>Manual snoozes (series, cause, until) win.</li>
 *   <li>A new episode below the tenant's alert severity is kept but does not alert; at or above the triage
 *       severity it starts triage.</li>
 *   <li>One event seen twice — the owner's series and the (sub-account, service) series behind it on the same
 *       day, same direction — alerts once: the more specific series keeps the alert, the other joins it.</li>
 * </ol>
 * Pure and ordered: the same inputs give the same outcomes.
 */
public final class AlertPlanner {

    /** A stored anomaly as far as alerting cares. */
    public record Past(String id, SeriesKey series, LocalDate day, Anomaly.Direction direction, String cause) {
    }

    private final AnomalySettings settings;

    public AlertPlanner(AnomalySettings settings) {
        this.settings = settings;
    }

    public List<AlertOutcome> plan(List<Past> history, List<Snooze> snoozes, List<ClassifiedAnomaly> fresh) {
        AlertSuppressor suppressor = new AlertSuppressor(settings.episodeGapDays());
        snoozes.forEach(suppressor::snooze);
        Map<String, String> causes = new HashMap<>();
        List<Anomaly> past = new ArrayList<>();
        for (Past p : history) {
            causes.put(p.id(), String.valueOf(p.cause()));
            past.add(new Anomaly(p.id(), p.series(), p.day(), p.direction(), null, null, null, null, 0, null, null,
                    null, null));
        }
        suppressor.decide(past, a -> causes.get(a.id()));

        Map<String, ClassifiedAnomaly> byId = new LinkedHashMap<>();
        for (ClassifiedAnomaly c : fresh) {
            byId.put(c.anomaly().id(), c);
            causes.putIfAbsent(c.anomaly().id(), String.valueOf(c.cause()));
        }
        Map<String, AlertOutcome> out = new LinkedHashMap<>();
        for (AlertDecision d : suppressor.decide(fresh.stream().map(ClassifiedAnomaly::anomaly).toList(),
                a -> causes.get(a.id()))) {
            ClassifiedAnomaly c = byId.get(d.anomalyId());
            out.put(d.anomalyId(), switch (d.outcome()) {
                case NEW -> {
                    Severity s = c.severity() == null ? Severity.INFO : c.severity();
                    yield s.atLeast(settings.alertThreshold())
                            ? new AlertOutcome(d.anomalyId(), AlertOutcome.NEW, d.alertId(), s.atLeast(settings.triageThreshold()))
                            : new AlertOutcome(d.anomalyId(), AlertOutcome.BELOW_THRESHOLD, null, false);
                }
                case ONGOING -> new AlertOutcome(d.anomalyId(), AlertOutcome.ONGOING, d.alertId(), false);
                case SNOOZED -> new AlertOutcome(d.anomalyId(), AlertOutcome.SNOOZED, null, false);
                case DUPLICATE -> new AlertOutcome(d.anomalyId(), AlertOutcome.DUPLICATE, null, false);
            });
        }
        dedupeAcrossDimensions(byId, out);
        return List.copyOf(out.values());
    }

    private static void dedupeAcrossDimensions(Map<String, ClassifiedAnomaly> byId, Map<String, AlertOutcome> out) {
        Map<String, List<ClassifiedAnomaly>> events = new LinkedHashMap<>();
        for (AlertOutcome o : out.values()) {
            ClassifiedAnomaly c = byId.get(o.anomalyId());
            if (!AlertOutcome.NEW.equals(o.alert()) || c.owner() == null) continue;
            Anomaly a = c.anomaly();
            // A unit-cost KPI's alert says what no cost series says (cost per unit of the business), so it stands alone.
            if (a.series().dimension() == SeriesKey.Dimension.KPI) continue;
            events.computeIfAbsent(c.owner() + "\n" + a.date() + "\n" + a.direction(), k -> new ArrayList<>()).add(c);
        }
        Comparator<ClassifiedAnomaly> keeper = Comparator
                .comparing((ClassifiedAnomaly c) -> c.anomaly().series().dimension() != SeriesKey.Dimension.SUB_ACCOUNT_SERVICE)
                .thenComparing(c -> c.severity() == null ? Severity.INFO : c.severity(), Comparator.reverseOrder())
                .thenComparing(c -> c.anomaly().impact().abs(), Comparator.reverseOrder())
                .thenComparing(c -> c.anomaly().id());
        for (List<ClassifiedAnomaly> same : events.values()) {
            if (same.size() < 2) continue;
            same.sort(keeper);
            AlertOutcome kept = out.get(same.get(0).anomaly().id());
            boolean triage = same.stream().anyMatch(c -> out.get(c.anomaly().id()).triage());
            out.put(kept.anomalyId(), new AlertOutcome(kept.anomalyId(), AlertOutcome.NEW, kept.alertId(), triage));
            for (ClassifiedAnomaly c : same.subList(1, same.size())) {
                out.put(c.anomaly().id(), new AlertOutcome(c.anomaly().id(), AlertOutcome.DUPLICATE, kept.alertId(), false));
            }
        }
    }
}
