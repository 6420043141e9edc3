/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

import dev.outlay.anomalies.DetectionParameters;
import dev.outlay.api.problem.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalySettingsTest {

    private static AnomalySettings.Change change(Double minScore, String minImpact, Integer weeks, String alert, String triage) {
        return new AnomalySettings.Change(minScore, minImpact == null ? null : new BigDecimal(minImpact), weeks, null, null,
                null, alert, triage, null);
    }

    @Test
    void defaultsAreTheBenchmarkedDetectorParametersSoIdsDoNotChange() {
        assertEquals(DetectionParameters.defaults(), AnomalySettings.defaults().parameters());
        assertEquals(List.of(), AnomalySettings.defaults().faults());
    }

    @Test
    void aChangeKeepsWhatItLeavesOutAndNormalisesTheAmount() {
        AnomalySettings s = AnomalySettings.defaults().with(change(6.0, "200", null, null, "high"));
        assertEquals(6.0, s.minScore());
        assertEquals(new BigDecimal("200.00"), s.minAbsoluteImpact());
        assertEquals(4, s.seasonalWeeks());
        assertEquals(Severity.HIGH, s.triageThreshold());
        assertEquals(List.of(), s.faults());
        assertEquals(new BigDecimal("200.00"), s.parameters().minAbsoluteImpact());
        assertEquals(6.0, s.parameters().minScore());
    }

    @Test
    void everyViolatedBoundIsNamedByField() {
        AnomalySettings s = AnomalySettings.defaults().with(change(0.5, "-1", 2, "loud", null));
        List<String> fields = s.faults().stream().map(Problem.Fault::field).toList();
        assertEquals(List.of("minScore", "minAbsoluteImpact", "seasonalWeeks", "alertMinSeverity"), fields);
    }

    @Test
    void triageBelowTheAlertThresholdIsRefused() {
        List<Problem.Fault> f = AnomalySettings.defaults().with(change(null, null, null, "high", "medium")).faults();
        assertEquals(1, f.size());
        assertEquals("triageMinSeverity", f.get(0).field());
        assertTrue(f.get(0).message().contains("alertMinSeverity"));
    }
}
