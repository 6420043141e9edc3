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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationInputsTest {

    private static final AnomalyDetector DETECTOR = new AnomalyDetector(DetectionParameters.defaults());
    private static final LocalDate END = Series.START.plusDays(400);

    @Test
    void exactlyTheRuleSetInputsNeverNull() {
        Anomaly a = first(Series.of("keys", 120, 1000, 1.0, true).at(80, Series.usageTimes(1.5, 4)).build());
        Map<String, Object> in = ClassificationInputs.of(a);
        assertEquals(List.of("relativeChange", "absoluteImpact", "volumeShare", "rateShare", "newResourceCount",
                "newSku", "newRegion", "commitmentCoverageChange", "creditEnded", "oneOffPurchase", "dataComplete"),
                List.copyOf(in.keySet()));
        in.forEach((k, v) -> assertEquals(true, v != null, k));
        assertEquals(4, in.get("newResourceCount"));
        assertEquals(true, in.get("dataComplete"));
        assertEquals(false, in.get("oneOffPurchase"));
    }

    @Test
    void coverageChangeInPercentagePointsAndPurchaseFlag() {
        Anomaly expiry = first(Series.of("exp", 120, 1000, 1.0, true).from(0, Series.coverage(0.6))
                .from(90, Series.costTimes(1.4)).from(90, Series.coverage(0.45)).build());
        assertEquals(new BigDecimal("-15.00"), ClassificationInputs.of(expiry).get("commitmentCoverageChange"));
        Anomaly purchase = first(Series.of("buy", 120, 1000, 1.0, true).at(75, Series.plus(5000, false, true))
                .build());
        assertEquals(true, ClassificationInputs.of(purchase).get("oneOffPurchase"));
    }

    @Test
    void dropsReportAPositiveImpactAndANegativeChange() {
        Anomaly drop = first(Series.of("gap", 120, 1000, 1.0, true).at(90, Series.costTimes(0.1)).build());
        Map<String, Object> in = ClassificationInputs.of(drop);
        assertEquals(1, ((BigDecimal) in.get("absoluteImpact")).signum());
        assertEquals(-1, ((BigDecimal) in.get("relativeChange")).signum());
    }

    private static Anomaly first(DailySeries s) {
        return DETECTOR.detect(s, Series.START, END).anomalies().get(0);
    }
}
