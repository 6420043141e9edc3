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
package dev.outlay.connectors.saas;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One licence SKU of a SaaS account as its API reports it now: seats bought ({@code purchased}), seats assigned,
 * seats whose user signed in within the last 30 days ({@code active30d}, null when the source cannot tell), and the
 * assigned seats per owner attribute where the source names one ({@code byDepartment}: Entra ID's user department).
 *
 * @param sku     the key of the contract price table (Microsoft's {@code skuPartNumber}, Salesforce's licence name)
 * @param skuId   the vendor's own id of the SKU (Microsoft's skuId GUID, Salesforce's record id)
 * @param name    a readable name for reports
 */
public record SeatSubscription(String sku, String skuId, String name, long purchased, long assigned, Long active30d,
                               SortedMap<String, Long> byDepartment) {

    public SeatSubscription {
        if (purchased < 0 || assigned < 0) throw new IllegalArgumentException("seat counts are never negative: " + sku);
        byDepartment = byDepartment == null ? new TreeMap<>() : new TreeMap<>(byDepartment);
    }

    /** Assigned seats the source attributes to a department (never more than are assigned, see {@link #assignedTotal}). */
    public long attributed() {
        return byDepartment.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Seats in use: the source's assigned count, or the per-user count when that is higher (Microsoft's consumedUnits
     * lags group-based licence changes by minutes; the users list is then the newer truth).
     */
    public long assignedTotal() {
        return Math.max(assigned, attributed());
    }

    /** Seats paid for: bought, or in use when more are in use than bought (an overage until the true-up). */
    public long paidSeats() {
        return Math.max(purchased, assignedTotal());
    }

    /** Seats bought but assigned to nobody. */
    public long unassigned() {
        return Math.max(0, purchased - assignedTotal());
    }

    public static SortedMap<String, Long> departments(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }
}
