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
package dev.outlay.reconciliation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every expected source must have data for every day of the period up to {@code through} (inclusive, capped at the
 * period's last day), so a preliminary check during the first days after month end does not count tomorrow as missing.
 */
public final class CompletenessCheck {
    private CompletenessCheck() {
    }

    public static List<CompletenessGap> gaps(YearMonth period, LocalDate through, Set<String> expectedSources,
                                             Map<String, Set<LocalDate>> daysPresentBySource) {
        LocalDate last = through.isBefore(period.atEndOfMonth()) ? through : period.atEndOfMonth();
        List<CompletenessGap> gaps = new ArrayList<>();
        for (String source : new TreeSet<>(expectedSources)) {
            Set<LocalDate> present = daysPresentBySource.getOrDefault(source, Set.of());
            List<LocalDate> missing = new ArrayList<>();
            for (LocalDate d = period.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (!present.contains(d)) {
                    missing.add(d);
                }
            }
            if (!missing.isEmpty()) {
                gaps.add(new CompletenessGap(source, missing));
            }
        }
        return gaps;
    }

    /** Total missing source-days, the figure that lowers a comparison's confidence. */
    public static int missingDays(List<CompletenessGap> gaps) {
        return gaps.stream().mapToInt(g -> g.missingDays().size()).sum();
    }
}
