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

import dev.outlay.model.inventory.InventoryItem;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one resource for one scan.
 *
 * @param item    the inventory item, or null when only billing knows the resource (tier BILLING)
 * @param ledger  the resource's ledger days of the billing window (any currencies, never summed across them)
 * @param metrics the resource's daily metric aggregates of the metric window; empty when none were collected
 * @param peers   the scan's environments (cross-resource signal), or null when the caller judged the resource alone
 */
public record ResourceFacts(String resourceId, InventoryItem item, List<LedgerDay> ledger, List<DailyMetric> metrics,
                            EnvironmentPeers peers) {

    public ResourceFacts(String resourceId, InventoryItem item, List<LedgerDay> ledger, List<DailyMetric> metrics) {
        this(resourceId, item, ledger, metrics, null);
    }

    public ResourceFacts {
        Objects.requireNonNull(resourceId, "resourceId");
        ledger = ledger == null ? List.of() : List.copyOf(ledger);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        if (item != null && !item.resourceId().equals(resourceId)) {
            throw new IllegalArgumentException("inventory item " + item.resourceId() + " is not resource " + resourceId);
        }
    }

    public ResourceFacts withPeers(EnvironmentPeers environments) {
        return new ResourceFacts(resourceId, item, ledger, metrics, environments);
    }
}
