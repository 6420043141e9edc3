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
import java.time.LocalDate;

/**
 * One anomalous day of one series.
 *
 * @param id             deterministic: SHA-256 of series key, date, direction and parameter fingerprint
 * @param baseline       expected effective cost for the day
 * @param impact         cost − baseline (the absolute impact, signed)
 * @param relativeChange impact / baseline, null when the baseline is zero
 * @param score          robust z-score: impact / spread (rounded to 3 places)
 * @param spread         the robust spread the score was divided by (1.4826·MAD, floored)
 */
public record Anomaly(String id, SeriesKey series, LocalDate date, Direction direction, BigDecimal cost,
                      BigDecimal baseline, BigDecimal impact, BigDecimal relativeChange, double score,
                      BigDecimal spread, CostDecomposition decomposition, AnomalySignals signals,
                      String parametersFingerprint) {

    public enum Direction { INCREASE, DECREASE }

    public static String idFor(SeriesKey series, LocalDate date, Direction direction, String fingerprint) {
        return "an-" + DetectionParameters.sha256Hex(
                series.canonical() + "\n" + date + "\n" + direction + "\n" + fingerprint).substring(0, 32);
    }
}
