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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled price list (as the finding-profiles DMN returns it) and the previous-generation savings priced from it. */
class InstancePricesTest {

    private static final ThresholdProfile CONSERVATIVE = TestProfiles.load("conservative");
    private static final InstancePrices PRICES = CONSERVATIVE.prices();

    private static void assertMove(String type, String successor, String from, String to, String share) {
        InstancePrices.Move m = PRICES.successorOf(type);
        assertTrue(m.priced(), m.basis());
        assertEquals(successor, m.to());
        assertEquals(0, new BigDecimal(from).compareTo(m.fromHourly()), type + " rate " + m.fromHourly());
        assertEquals(0, new BigDecimal(to).compareTo(m.toHourly()), successor + " rate " + m.toHourly());
        assertEquals(new BigDecimal(share), m.savedShare(), type);
    }

    @Test
    void everyPreviousGenerationFamilyOfTheTableMovesToItsSuccessorAtTheRecordedRates() {
        assertEquals(79, PRICES.size());
        assertMove("m4.2xlarge", "m5.2xlarge", "0.40", "0.384", "0.040000");
        assertMove("M4.Large", "m5.large", "0.10", "0.096", "0.040000");
        assertMove("c4.large", "c5.large", "0.10", "0.085", "0.150000");
        assertMove("c3.xlarge", "c5.xlarge", "0.21", "0.17", "0.190476");
        assertMove("t2.medium", "t3.medium", "0.0464", "0.0416", "0.103448");
        assertMove("r4.large", "r5.large", "0.133", "0.126", "0.052632");
        assertMove("r3.2xlarge", "r5.2xlarge", "0.665", "0.504", "0.242105");
        assertMove("m3.xlarge", "m5.xlarge", "0.266", "0.192", "0.278195");
        assertMove("i2.xlarge", "i3.xlarge", "0.853", "0.312", "0.634232");
    }

    @Test
    void aTypeOrSizeTheTableLacksHasAReasonInsteadOfAFigure() {
        assertEquals("m3.medium has no same-size current-generation successor in the price table",
                PRICES.successorOf("m3.medium").reason());
        assertEquals("m4.10xlarge has no same-size current-generation successor in the price table",
                PRICES.successorOf("m4.10xlarge").reason());
        assertEquals("db.m4.large is not in the price table", PRICES.successorOf("db.m4.large").reason());
        assertEquals("m5.large has no same-size current-generation successor in the price table",
                PRICES.successorOf("m5.large").reason(), "a current generation has nothing to move to");
        assertFalse(PRICES.successorOf(null).priced());
        assertFalse(InstancePrices.empty().successorOf("m4.large").priced(), "a profile version without prices");
    }

    @Test
    void malformedRowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstancePrices.fromOutput(List.of(Map.of("instanceType", "m4.large"))));
        assertThrows(IllegalArgumentException.class, () -> InstancePrices.fromOutput(List.of(
                Map.of("instanceType", "m4.large", "hourlyUsd", new BigDecimal("0"), "successor", ""))));
        assertThrows(IllegalArgumentException.class, () -> InstancePrices.fromOutput(List.of(
                Map.of("instanceType", "m4.large", "hourlyUsd", new BigDecimal("0.1"), "successor", ""),
                Map.of("instanceType", "M4.large", "hourlyUsd", new BigDecimal("0.1"), "successor", ""))));
        assertThrows(IllegalArgumentException.class, () -> InstancePrices.fromOutput("m4.large"));
    }

    private static DetectedFinding prevGen(String size, String dailyCost) {
        var item = Fixtures.item("i-1", ResourceKind.COMPUTE_INSTANCE, "running", size, null, 400, 200,
                Map.of("env", "prod"), Map.of());
        var facts = new ResourceFacts("i-1", item, Fixtures.daily("i-1", "BoxUsage:" + size, "24", dailyCost, dailyCost,
                "USD", false, Map.of()), List.of());
        Verdict v = new Verdict(Detectors.COMPUTE_PREVGEN, Verdict.FINDING, "MIGRATE", "cause", "action", "medium",
                new BigDecimal("0.7"), EvidenceTier.INVENTORY, false, null);
        return FindingBuilder.build("t", facts, v, Detectors.ARCH_RULE_SET, "h", CONSERVATIVE, Fixtures.SCAN);
    }

    @Test
    void previousGenerationSavingsArePricedPerSizeAndExplained() {
        // m4.2xlarge at 0.40/h: 9.60 a day, 288.00 in 30 days, 292.20 a month; m5.2xlarge saves 0.04 of it
        DetectedFinding f = prevGen("m4.2xlarge", "9.60");
        assertEquals(1, f.savings().size());
        assertEquals(new BigDecimal("11.69"), f.savings().get(0).expected());
        assertEquals(new BigDecimal("11.69"), f.savings().get(0).low());
        assertEquals(new BigDecimal("11.69"), f.savings().get(0).high());
        assertTrue(f.evidence().savingsBasis().startsWith("m4.2xlarge 0.4 -> m5.2xlarge 0.384 (AWS on-demand, us-east-1"),
                f.evidence().savingsBasis());
    }

    @Test
    void anUnpricedMoveIsStillAFindingWithoutAFigure() {
        DetectedFinding f = prevGen("m3.medium", "1.608");
        assertEquals(List.of(), f.savings());
        assertEquals("no savings figure: m3.medium has no same-size current-generation successor in the price table",
                f.evidence().savingsBasis());
        assertNull(prevGenFree().evidence().savingsBasis(), "other detectors need no table");
    }

    private static DetectedFinding prevGenFree() {
        var facts = new ResourceFacts("eip", null, Fixtures.daily("eip", "PublicIPv4:IdleAddress", "24", "0.12", "0.12",
                "USD", false, Map.of()), List.of());
        Verdict v = new Verdict(Detectors.EIP_IDLE, Verdict.FINDING, "RELEASE", "c", "a", "low", new BigDecimal("0.9"),
                EvidenceTier.BILLING, true, null);
        return FindingBuilder.build("t", facts, v, Detectors.WASTE_RULE_SET, "h", CONSERVATIVE, Fixtures.SCAN);
    }
}
