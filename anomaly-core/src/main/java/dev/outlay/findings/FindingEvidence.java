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
package dev.outlay.findings;

import java.util.List;
import java.util.Map;

/**
 * What explains a finding: the usage types billed, the costs per currency, the aggregates the rule compared, the
 * inventory facts it read (state, size, attachedTo, ageDays...) and, where a detector prices its saving from a table,
 * {@code savingsBasis}: the rates it used, or why there is no savings figure (null for the other detectors).
 */
public record FindingEvidence(List<String> usageTypes, List<EvidenceCost> costs, List<EvidenceMetric> metrics,
                              Map<String, String> inventory, String savingsBasis) {

    public FindingEvidence {
        usageTypes = List.copyOf(usageTypes);
        costs = List.copyOf(costs);
        metrics = List.copyOf(metrics);
        inventory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inventory));
    }
}
