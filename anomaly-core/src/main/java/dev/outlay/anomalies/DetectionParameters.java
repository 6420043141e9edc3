/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.anomalies;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The knobs of {@link AnomalyDetector}; one instance per tenant. Defaults ({@link #defaults()}) were tuned on the
 * labelled benchmark (see README, "Anomaly detection") and are the documented starting point.
 *
 * @param seasonalWeeks          N: the same weekday over the last N weeks gives the seasonal median (4)
 * @param minSeasonalSamples     fewest same-weekday samples for a baseline at all (3: with two, one refund
 *                               or spike would move the median halfway)
 * @param recentWindowDays       trailing window whose median ratio cost / own seasonal median measures how far the
 *                               level has moved since the seasonal samples were taken (7)
 * @param minRecentSamples       fewest such ratios for the level correction; below it S is used alone (3)
 * @param seasonalWeightPercent  weight of the plain seasonal median in the blend; the rest is level-corrected (50)
 * @param spreadWindowDays       trailing days of residuals the MAD is taken over, and of credit ratios (28)
 * @param minSpreadSamples       fewest residuals before the spread is trusted (10)
 * @param minHistoryDays         cold start: days since the first point before any alert (35, so that one
 *                               month-start charge has been seen before the next is judged)
 * @param relativeSpreadFloor    spread is at least this share of the baseline, so flat series do not explode and
 *                               a 5σ excursion of a noisy series is not news (0.035: a 20 % change still scores 5.7)
 * @param absoluteSpreadFloor    and at least this amount (1.00)
 * @param minScore               |robust z| needed for an anomaly (5.0)
 * @param minAbsoluteImpact      |cost − baseline| needed for an anomaly, so tiny series page nobody (50.00)
 * @param monthlyMatchRatio      a previous-month excess at least this share of today's (and at most its inverse)
 *                               marks today's excess as a recurring month-boundary charge (0.4)
 */
public record DetectionParameters(int seasonalWeeks, int minSeasonalSamples, int recentWindowDays,
                                  int minRecentSamples, int seasonalWeightPercent, int spreadWindowDays,
                                  int minSpreadSamples, int minHistoryDays, double relativeSpreadFloor,
                                  BigDecimal absoluteSpreadFloor, double minScore, BigDecimal minAbsoluteImpact,
                                  double monthlyMatchRatio) {

    public DetectionParameters {
        if (seasonalWeeks < 1 || minSeasonalSamples < 1 || minSeasonalSamples > seasonalWeeks) {
            throw new IllegalArgumentException("seasonal window");
        }
        if (recentWindowDays < 1 || minRecentSamples < 1 || minRecentSamples > recentWindowDays) {
            throw new IllegalArgumentException("recent window");
        }
        if (spreadWindowDays < minSpreadSamples || minSpreadSamples < 3) {
            throw new IllegalArgumentException("spread window");
        }
        if (seasonalWeightPercent < 0 || seasonalWeightPercent > 100) {
            throw new IllegalArgumentException("seasonalWeightPercent");
        }
        if (minScore <= 0 || minAbsoluteImpact.signum() < 0 || relativeSpreadFloor < 0) {
            throw new IllegalArgumentException("thresholds");
        }
    }

    public static DetectionParameters defaults() {
        return new DetectionParameters(4, 3, 7, 3, 50, 28, 10, 35, 0.035,
                new BigDecimal("1.00"), 5.0, new BigDecimal("50.00"), 0.4);
    }

    public DetectionParameters withMinAbsoluteImpact(BigDecimal v) {
        return new DetectionParameters(seasonalWeeks, minSeasonalSamples, recentWindowDays, minRecentSamples,
                seasonalWeightPercent, spreadWindowDays, minSpreadSamples, minHistoryDays, relativeSpreadFloor,
                absoluteSpreadFloor, minScore, v, monthlyMatchRatio);
    }

    public DetectionParameters withMinScore(double v) {
        return new DetectionParameters(seasonalWeeks, minSeasonalSamples, recentWindowDays, minRecentSamples,
                seasonalWeightPercent, spreadWindowDays, minSpreadSamples, minHistoryDays, relativeSpreadFloor,
                absoluteSpreadFloor, v, minAbsoluteImpact, monthlyMatchRatio);
    }

    /**
     * Short content hash of every value; it goes into each anomaly id, so changing any knob yields new ids
     * instead of silently re-meaning old ones.
     */
    public String fingerprint() {
        String text = String.join(";", "v1", "" + seasonalWeeks, "" + minSeasonalSamples, "" + recentWindowDays,
                "" + minRecentSamples, "" + seasonalWeightPercent, "" + spreadWindowDays, "" + minSpreadSamples,
                "" + minHistoryDays, Double.toString(relativeSpreadFloor), absoluteSpreadFloor.toPlainString(),
                Double.toString(minScore), minAbsoluteImpact.toPlainString(), Double.toString(monthlyMatchRatio));
        return sha256Hex(text).substring(0, 12);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
