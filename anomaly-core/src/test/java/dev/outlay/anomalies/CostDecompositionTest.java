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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostDecompositionTest {

    @ParameterizedTest(name = "c0={0} q0={1} c1={2} q1={3} -> volume {4}, rate {5}")
    @CsvSource({
            // pure volume: twice the units at the same price
            "100.00, 200, 200.00, 400, 100.00, 0.00",
            // pure rate: same units, price +30 %
            "100.00, 200, 130.00, 200, 0.00, 30.00",
            // both: Δq·p₀ = 100·0.5 = 50, q₁·Δp = 300·(0.6 − 0.5) = 30
            "100.00, 200, 180.00, 300, 50.00, 30.00",
            // a drop in volume
            "100.00, 200, 25.00, 50, -75.00, 0.00",
            // no baseline quantity, quantity appears: all volume
            "0.00, 0, 40.00, 10, 40.00, 0.00",
            // no quantity at all (a purchase): all rate
            "100.00, 0, 600.00, 0, 0.00, 500.00",
            // rounding: the rate effect is the remainder, so the sum is exact
            "100.00, 3, 133.33, 4, 33.33, 0.00"
    })
    void volumePlusRateIsTheDelta(String c0, String q0, String c1, String q1, String volume, String rate) {
        CostDecomposition d = CostDecomposition.of(new BigDecimal(c0), new BigDecimal(q0), new BigDecimal(c1),
                new BigDecimal(q1));
        assertEquals(new BigDecimal(volume), d.volumeEffect());
        assertEquals(new BigDecimal(rate), d.rateEffect());
        assertEquals(new BigDecimal(c1).subtract(new BigDecimal(c0)).setScale(2),
                d.volumeEffect().add(d.rateEffect()));
        assertEquals(BigDecimal.ONE.setScale(4), d.volumeShare().add(d.rateShare()));
    }
}
