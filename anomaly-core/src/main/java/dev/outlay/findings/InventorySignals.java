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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Computes {@link InventorySignal}s on a scan date. */
public final class InventorySignals {

    private final Map<String, Set<String>> waiverTags;
    private final int resizeLookbackDays;

    /**
     * @param waiverTags         tag key (case-insensitive) → values that waive (case-insensitive; empty set = any
     *                           value), e.g. {@code backup → {true}}, {@code dr-role → {}}
     * @param resizeLookbackDays how far back a change of billed size counts as a recent resize (14)
     */
    public InventorySignals(Map<String, Set<String>> waiverTags, int resizeLookbackDays) {
        this.waiverTags = Objects.requireNonNull(waiverTags);
        this.resizeLookbackDays = resizeLookbackDays;
    }

    public InventorySignal signal(InventoryItem item, List<LedgerDay> ledger, LocalDate scanDate) {
        long age = item.createdAt() == null ? -1
                : ChronoUnit.DAYS.between(item.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), scanDate);
        long inState = item.stateSince() == null ? -1
                : ChronoUnit.DAYS.between(item.stateSince().atZone(ZoneOffset.UTC).toLocalDate(), scanDate);
        Set<String> sizes = new TreeSet<>();
        LocalDate since = scanDate.minusDays(resizeLookbackDays);
        for (LedgerDay r : ledger) {
            if (r.resourceId().equals(item.resourceId()) && !r.day().isBefore(since) && !r.day().isAfter(scanDate)
                    && r.usageType() != null && r.hours().signum() > 0) {
                sizes.add(r.usageType());
            }
        }
        boolean attached = item.attachedTo() != null && !item.attachedTo().isBlank();
        return new InventorySignal(item.resourceId(), item.kind(), item.state(), item.size(), age, inState, attached,
                waiverTag(item.tags()), sizes.size());
    }

    String waiverTag(Map<String, String> tags) {
        // Sorted so a resource with two waiver tags always reports the same one.
        for (Map.Entry<String, String> t : new java.util.TreeMap<>(tags).entrySet()) {
            for (Map.Entry<String, Set<String>> w : waiverTags.entrySet()) {
                if (!t.getKey().equalsIgnoreCase(w.getKey())) continue;
                String v = t.getValue() == null ? "" : t.getValue().toLowerCase(Locale.ROOT);
                if (w.getValue().isEmpty() || w.getValue().stream().anyMatch(x -> x.equalsIgnoreCase(v))) {
                    return t.getKey() + "=" + t.getValue();
                }
            }
        }
        return null;
    }
}
