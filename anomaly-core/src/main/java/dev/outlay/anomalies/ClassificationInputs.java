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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code anomaly-classification} DMN decision, built from one {@link Anomaly}. Every value is
 * a non-null number or boolean (FEEL compares null with nothing), in the units the rule set's scenarios use:
 * relativeChange as a fraction (0.4 = +40 %), absoluteImpact as a positive amount, shares 0–1, coverage change
 * in percentage points (−15 = fifteen points less covered).
 */
public final class ClassificationInputs {

    /** Stand-in for relativeChange when the baseline is zero: "more than any finite change". */
    static final BigDecimal UNBOUNDED_CHANGE = new BigDecimal("100");
    /** A purchase that makes at least half of the impact makes the anomaly a one-off purchase. */
    static final BigDecimal PURCHASE_SHARE = new BigDecimal("0.5");

    private ClassificationInputs() {
    }

    public static Map<String, Object> of(Anomaly a) {
        AnomalySignals s = a.signals();
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("relativeChange", a.relativeChange() != null ? a.relativeChange()
                : (a.impact().signum() >= 0 ? UNBOUNDED_CHANGE : UNBOUNDED_CHANGE.negate()));
        in.put("absoluteImpact", a.impact().abs());
        in.put("volumeShare", a.decomposition().volumeShare());
        in.put("rateShare", a.decomposition().rateShare());
        in.put("newResourceCount", s.newResourceCount() == null ? 0 : Math.max(0, s.newResourceCount()));
        in.put("newSku", s.newSkuCount() != null && s.newSkuCount() > 0);
        in.put("newRegion", s.newRegionCount() != null && s.newRegionCount() > 0);
        in.put("commitmentCoverageChange", s.commitmentCoverageChange() == null ? BigDecimal.ZERO
                : s.commitmentCoverageChange().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN));
        in.put("creditEnded", s.creditEnded());
        in.put("oneOffPurchase", a.direction() == Anomaly.Direction.INCREASE
                && s.purchases().compareTo(a.impact().multiply(PURCHASE_SHARE)) >= 0
                && s.purchases().signum() > 0);
        in.put("dataComplete", s.dataComplete());
        return in;
    }
}
