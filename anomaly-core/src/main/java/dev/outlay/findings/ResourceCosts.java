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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sums ledger daily rows per resource and currency over a window, deterministically ordered. */
public final class ResourceCosts {

    private ResourceCosts() {
    }

    private static final class Acc {
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.ZERO;
        final Set<LocalDate> days = new TreeSet<>();
        final Set<String> usageTypes = new TreeSet<>();
    }

    public static List<ResourceCost> over(List<LedgerDay> rows, LocalDate from, LocalDate to) {
        Map<String, Map<String, Acc>> byResource = new TreeMap<>();
        for (LedgerDay r : rows) {
            if (r.day().isBefore(from) || r.day().isAfter(to)) continue;
            Acc a = byResource.computeIfAbsent(r.resourceId(), k -> new TreeMap<>())
                    .computeIfAbsent(r.currency(), k -> new Acc());
            a.effective = a.effective.add(r.effectiveCost());
            a.list = a.list.add(r.listCost());
            if (r.commitmentCovered()) a.committed = a.committed.add(r.effectiveCost());
            a.hours = a.hours.add(r.hours());
            a.days.add(r.day());
            if (r.usageType() != null) a.usageTypes.add(r.usageType());
        }
        List<ResourceCost> out = new ArrayList<>();
        byResource.forEach((id, byCurrency) -> byCurrency.forEach((cur, a) -> out.add(new ResourceCost(id, cur,
                a.effective, a.list, a.committed, a.hours, a.days.size(), Set.copyOf(a.usageTypes)))));
        out.sort(Comparator.comparing(ResourceCost::resourceId).thenComparing(ResourceCost::currency));
        return out;
    }
}
