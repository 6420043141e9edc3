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

import dev.outlay.anomalies.SeriesKey;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A label: what was injected where. {@code detectBy} is the last day a detection still counts for recall (the
 * anomaly's last day, or a week after the start of a persistent change). {@code impact} is the injected cost
 * minus the counterfactual (what the day would have cost without the anomaly) on the start day.
 */
public record InjectedAnomaly(SeriesKey series, AnomalyKind kind, LocalDate start, LocalDate detectBy,
                              BigDecimal impact, BigDecimal counterfactualCost) {

    /** In scope of the quality targets: |impact| ≥ minRelative · counterfactual and ≥ minAbsolute. */
    public boolean inScope(BigDecimal minAbsolute, BigDecimal minRelative) {
        BigDecimal abs = impact.abs();
        return abs.compareTo(minAbsolute) >= 0
                && abs.compareTo(counterfactualCost.abs().multiply(minRelative)) >= 0;
    }
}
