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
package dev.outlay.findings.bench;

import dev.outlay.findings.LedgerDay;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One generated resource with its truth.
 *
 * @param template        the generator template that made it (idle, batch, dr-standby...)
 * @param confounder      true when nothing may be reported as a finding on it
 * @param findings        detectors that must report a finding
 * @param insufficient    detectors that must report insufficient-data
 * @param truthExpected   detector → true monthly savings of acting on it (the resource's own currency)
 * @param truthLow        detector → true savings after commitments keep being paid
 * @param peers           the other members of its application (environment templates), without metrics; else empty
 */
public record LabelledCase(String template, boolean confounder, String currency, InventoryItem item,
                           List<LedgerDay> ledger, List<MetricSample> samples, List<String> findings,
                           List<String> insufficient, Map<String, BigDecimal> truthExpected,
                           Map<String, BigDecimal> truthLow, List<LabelledCase> peers) {

    public LabelledCase withPeers(List<LabelledCase> others) {
        return new LabelledCase(template, confounder, currency, item, ledger, samples, findings, insufficient,
                truthExpected, truthLow, List.copyOf(others));
    }

    public String resourceId() {
        return item != null ? item.resourceId() : ledger.get(0).resourceId();
    }
}
