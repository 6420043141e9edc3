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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's detection knobs and alert thresholds. Only the knobs a FinOps admin can reason about are exposed; the
 * rest of {@link DetectionParameters} keeps its benchmarked default. Bounds keep the detector meaningful: fewer than
 * three seasonal weeks leaves no median, a spread floor of 50 % or more would hide every change.
 *
 * @param alertMinSeverity  anomalies below it are kept and listed but raise no alert (routing threshold)
 * @param triageMinSeverity alerts at or above it start the triage process for their owner
 * @param episodeGapDays    days without an anomaly after which the same series and cause alert again
 */
public record AnomalySettings(double minScore, BigDecimal minAbsoluteImpact, int seasonalWeeks, int recentWindowDays,
                              int minHistoryDays, double relativeSpreadFloor, String alertMinSeverity,
                              String triageMinSeverity, int episodeGapDays) {

    public static AnomalySettings defaults() {
        DetectionParameters d = DetectionParameters.defaults();
        return new AnomalySettings(d.minScore(), d.minAbsoluteImpact(), d.seasonalWeeks(), d.recentWindowDays(),
                d.minHistoryDays(), d.relativeSpreadFloor(), "low", "medium", 3);
    }

    /** Values a PUT may leave out keep their current setting. */
    public record Change(Double minScore, BigDecimal minAbsoluteImpact, Integer seasonalWeeks, Integer recentWindowDays,
                         Integer minHistoryDays, Double relativeSpreadFloor, String alertMinSeverity,
                         String triageMinSeverity, Integer episodeGapDays) {
    }

    public AnomalySettings with(Change c) {
        return new AnomalySettings(
                c.minScore() != null ? c.minScore() : minScore,
                c.minAbsoluteImpact() != null ? cents(c.minAbsoluteImpact()) : minAbsoluteImpact,
                c.seasonalWeeks() != null ? c.seasonalWeeks() : seasonalWeeks,
                c.recentWindowDays() != null ? c.recentWindowDays() : recentWindowDays,
                c.minHistoryDays() != null ? c.minHistoryDays() : minHistoryDays,
                c.relativeSpreadFloor() != null ? c.relativeSpreadFloor() : relativeSpreadFloor,
                c.alertMinSeverity() != null ? c.alertMinSeverity() : alertMinSeverity,
                c.triageMinSeverity() != null ? c.triageMinSeverity() : triageMinSeverity,
                c.episodeGapDays() != null ? c.episodeGapDays() : episodeGapDays);
    }

    /** 50 and 50.00 are the same threshold; the amount's text goes into the anomaly ids' parameter fingerprint. */
    private static BigDecimal cents(BigDecimal v) {
        return v.scale() < 2 ? v.setScale(2) : v;
    }

    /** Every violated bound, by field; empty when the settings are usable. */
    public List<Problem.Fault> faults() {
        List<Problem.Fault> out = new ArrayList<>();
        if (!(minScore >= 2.0 && minScore <= 50.0)) {
            out.add(Problem.Fault.at("minScore", "between 2 and 50 (robust z-score); was " + minScore));
        }
        if (minAbsoluteImpact == null || minAbsoluteImpact.signum() < 0 || minAbsoluteImpact.scale() > 2) {
            out.add(Problem.Fault.at("minAbsoluteImpact", "an amount >= 0 with at most 2 decimals; was " + minAbsoluteImpact));
        }
        if (seasonalWeeks < 3 || seasonalWeeks > 12) {
            out.add(Problem.Fault.at("seasonalWeeks", "between 3 and 12; was " + seasonalWeeks));
        }
        if (recentWindowDays < 3 || recentWindowDays > 28) {
            out.add(Problem.Fault.at("recentWindowDays", "between 3 and 28; was " + recentWindowDays));
        }
        if (minHistoryDays < 14 || minHistoryDays > 365) {
            out.add(Problem.Fault.at("minHistoryDays", "between 14 and 365; was " + minHistoryDays));
        }
        if (!(relativeSpreadFloor >= 0 && relativeSpreadFloor < 0.5)) {
            out.add(Problem.Fault.at("relativeSpreadFloor", "a share >= 0 and < 0.5 of the baseline; was " + relativeSpreadFloor));
        }
        Severity alert = Severity.parse(alertMinSeverity).orElse(null);
        Severity triage = Severity.parse(triageMinSeverity).orElse(null);
        if (alert == null) {
            out.add(Problem.Fault.at("alertMinSeverity", "one of info, low, medium, high, critical; was " + alertMinSeverity));
        }
        if (triage == null) {
            out.add(Problem.Fault.at("triageMinSeverity", "one of info, low, medium, high, critical; was " + triageMinSeverity));
        }
        if (alert != null && triage != null && !triage.atLeast(alert)) {
            out.add(Problem.Fault.at("triageMinSeverity", "must not be below alertMinSeverity (" + alert.label()
                    + "): only alerts are triaged"));
        }
        if (episodeGapDays < 1 || episodeGapDays > 14) {
            out.add(Problem.Fault.at("episodeGapDays", "between 1 and 14; was " + episodeGapDays));
        }
        return out;
    }

    /** The detector's parameters: these knobs over the benchmarked defaults. Call only on valid settings. */
    public DetectionParameters parameters() {
        DetectionParameters d = DetectionParameters.defaults();
        return new DetectionParameters(seasonalWeeks, d.minSeasonalSamples(), recentWindowDays, d.minRecentSamples(),
                d.seasonalWeightPercent(), d.spreadWindowDays(), d.minSpreadSamples(), minHistoryDays,
                relativeSpreadFloor, d.absoluteSpreadFloor(), minScore, minAbsoluteImpact, d.monthlyMatchRatio());
    }

    public Severity alertThreshold() {
        return Severity.parse(alertMinSeverity).orElse(Severity.LOW);
    }

    public Severity triageThreshold() {
        return Severity.parse(triageMinSeverity).orElse(Severity.MEDIUM);
    }
}
