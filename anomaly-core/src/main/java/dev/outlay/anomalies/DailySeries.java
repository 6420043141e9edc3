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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A series key and its points in date order, at most one point per date; missing dates are gaps, not zeros. */
public record DailySeries(SeriesKey key, List<DailyPoint> points) {

    public DailySeries {
        Objects.requireNonNull(key, "key");
        List<DailyPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(DailyPoint::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new IllegalArgumentException("two points for " + sorted.get(i).date() + " in " + key);
            }
        }
        points = List.copyOf(sorted);
    }
}
