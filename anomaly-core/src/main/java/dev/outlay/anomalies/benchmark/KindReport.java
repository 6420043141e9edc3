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
package dev.outlay.anomalies.benchmark;

/**
 * Quality for one anomaly kind (or the overall row).
 *
 * @param inScope          labels with |impact| ≥ 20 % of the counterfactual and ≥ the absolute minimum
 * @param detected         in-scope labels with a detection in [start, detectBy] in the labelled direction
 * @param belowScope       labels smaller than that (reported, not targeted)
 * @param belowDetected    of which detected anyway
 * @param alertEvents      alert events raised on these series (consecutive anomalous days = one event)
 * @param truePositives    events that start inside a labelled anomaly or while the baseline absorbs it
 * @param medianDelayDays  median of (first detection − start) over detected in-scope labels, NaN if none
 */
public record KindReport(String kind, int series, int inScope, int detected, int belowScope, int belowDetected,
                         int alertEvents, int truePositives, double medianDelayDays) {

    public double recall() {
        return inScope == 0 ? 1.0 : (double) detected / inScope;
    }

    public double precision() {
        return alertEvents == 0 ? 1.0 : (double) truePositives / alertEvents;
    }
}
