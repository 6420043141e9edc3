/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.SeriesKey;
import dev.outlay.anomalies.Snooze;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertPlannerTest {

    private static final SeriesKey VM = SeriesKey.of("web-prod", "VM");
    private static final SeriesKey ML = SeriesKey.owner("ml");
    private static final LocalDate D = LocalDate.of(2024, 9, 10);
    private static final AlertPlanner PLANNER = new AlertPlanner(AnomalySettings.defaults());

    private static ClassifiedAnomaly c(SeriesKey s, int day, String cause, Severity sev, String owner, String impact) {
        LocalDate date = D.plusDays(day);
        Anomaly a = new Anomaly("an-" + s.canonical() + "-" + date, s, date, Anomaly.Direction.INCREASE, null, null,
                new BigDecimal(impact), null, 9.0, null, null, null, "test");
        return new ClassifiedAnomaly(a, cause, sev, "owner-chat", owner);
    }

    private static List<String> alerts(List<AlertOutcome> plan) {
        return plan.stream().map(o -> o.alert() + (o.triage() ? "+triage" : "")).toList();
    }

    @Test
    void aPersistentChangeAlertsOnceAndOnlyMediumAndAboveAreTriaged() {
        List<AlertOutcome> plan = PLANNER.plan(List.of(), List.of(), List.of(
                c(VM, 0, "price-change", Severity.HIGH, "ml", "3000"),
                c(VM, 1, "price-change", Severity.HIGH, "ml", "2900"),
                c(SeriesKey.of("web-prod", "DB"), 0, "usage-spike", Severity.LOW, null, "300"),
                c(SeriesKey.of("web-prod", "S3"), 0, "usage-spike", Severity.INFO, null, "60")));
        assertEquals(List.of("new", "below-threshold", "new+triage", "ongoing"),
                plan.stream().sorted(java.util.Comparator.comparing(AlertOutcome::anomalyId))
                        .map(o -> o.alert() + (o.triage() ? "+triage" : "")).toList());
    }

    @Test
    void anEpisodeContinuesAcrossRunsAndARedetectedIdIsADuplicate() {
        ClassifiedAnomaly yesterday = c(VM, 0, "price-change", Severity.HIGH, "ml", "3000");
        ClassifiedAnomaly today = c(VM, 1, "price-change", Severity.HIGH, "ml", "2900");
        List<AlertPlanner.Past> stored = List.of(new AlertPlanner.Past(yesterday.anomaly().id(), VM, D,
                Anomaly.Direction.INCREASE, "price-change"));
        assertEquals(List.of("duplicate", "ongoing"), alerts(PLANNER.plan(stored, List.of(), List.of(yesterday, today))));
    }

    @Test
    void aManualSnoozeSilencesItsSeriesAndCause() {
        List<AlertOutcome> plan = PLANNER.plan(List.of(), List.of(new Snooze(VM, "usage-spike", D.plusDays(5))), List.of(
                c(VM, 2, "usage-spike", Severity.CRITICAL, "ml", "60000"),
                c(VM, 3, "price-change", Severity.HIGH, "ml", "3000")));
        assertEquals(List.of("new+triage", "snoozed"), alerts(plan).stream().sorted().toList());
    }

    @Test
    void theOwnersSeriesAndTheAccountSeriesBehindItAlertOnce() {
        ClassifiedAnomaly account = c(VM, 0, "usage-spike", Severity.MEDIUM, "ml", "2500");
        ClassifiedAnomaly owner = c(ML, 0, "usage-spike", Severity.HIGH, "ml", "2600");
        List<AlertOutcome> plan = PLANNER.plan(List.of(), List.of(), List.of(owner, account));
        AlertOutcome a = plan.stream().filter(o -> o.anomalyId().equals(account.anomaly().id())).findFirst().orElseThrow();
        AlertOutcome o = plan.stream().filter(x -> x.anomalyId().equals(owner.anomaly().id())).findFirst().orElseThrow();
        assertEquals("new", a.alert());
        assertEquals(true, a.triage());
        assertEquals("duplicate", o.alert());
        assertEquals(a.alertId(), o.alertId());
    }
}
