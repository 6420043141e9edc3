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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Finding ids, savings ranges and tier caps. */
class EngineBasicsTest {

    @Test
    void findingIdIsStableAndSeparatesEveryPart() {
        String id = FindingId.of("t1", "i-1", "waste.compute.idle", 14, "waste-rightsizing");
        assertEquals(id, FindingId.of("t1", "i-1", "waste.compute.idle", 14, "waste-rightsizing"));
        assertTrue(id.matches("fnd_[0-9a-f]{24}"), id);
        assertNotEquals(id, FindingId.of("t2", "i-1", "waste.compute.idle", 14, "waste-rightsizing"));
        assertNotEquals(id, FindingId.of("t1", "i-2", "waste.compute.idle", 14, "waste-rightsizing"));
        assertNotEquals(id, FindingId.of("t1", "i-1", "waste.compute.overprovisioned", 14, "waste-rightsizing"));
        assertNotEquals(id, FindingId.of("t1", "i-1", "waste.compute.idle", 30, "waste-rightsizing"));
        assertNotEquals(id, FindingId.of("t1", "i-1", "waste.compute.idle", 14, "architectural-inefficiency"));
        assertThrows(IllegalArgumentException.class, () -> FindingId.of("t1", "i-1", "d", 0, "r"));
        assertThrows(IllegalArgumentException.class, () -> FindingId.of(null, "i-1", "d", 14, "r"));
    }

    @Test
    void savingsScaleTheWindowToAMonth() {
        // 14 days at 2.40/day effective, 3.00/day list, half covered by a reservation; 36.525 rounds half-even.
        SavingsRange r = SavingsRange.fromWindow(new BigDecimal("33.60"), new BigDecimal("42.00"),
                new BigDecimal("0.5"), 14, "EUR");
        assertEquals(0, r.expected().compareTo(new BigDecimal("73.05")), r.expected().toPlainString());
        assertEquals(0, r.high().compareTo(new BigDecimal("91.31")), r.high().toPlainString());
        assertEquals(0, r.low().compareTo(new BigDecimal("36.52")), r.low().toPlainString());
        assertEquals("EUR", r.currency());
    }

    @Test
    void listBelowEffectiveNeverMakesHighBelowExpected() {
        SavingsRange r = SavingsRange.fromWindow(new BigDecimal("10"), new BigDecimal("8"), BigDecimal.ZERO, 10,
                "USD");
        assertEquals(0, r.high().compareTo(r.expected()));
        assertEquals(0, r.low().compareTo(r.expected()));
    }

    @Test
    void savingsRefuseBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SavingsRange.fromWindow(BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal("1.2"), 14, "USD"));
        assertThrows(IllegalArgumentException.class, () -> SavingsRange.fromWindow(BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, 14, "usd"));
        assertThrows(IllegalArgumentException.class, () -> SavingsRange.fromWindow(BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, 0, "USD"));
    }

    @Test
    void tiersCapConfidence() {
        BigDecimal raw = new BigDecimal("0.99");
        assertEquals(0, EvidenceTier.BILLING.capConfidence(raw, false).compareTo(new BigDecimal("0.60")));
        assertEquals(0, EvidenceTier.INVENTORY.capConfidence(raw, false).compareTo(new BigDecimal("0.80")));
        assertEquals(0, EvidenceTier.METRICS.capConfidence(raw, false).compareTo(new BigDecimal("0.95")));
        assertEquals(0, EvidenceTier.BILLING.capConfidence(raw, true).compareTo(new BigDecimal("0.90")));
        assertEquals(0, EvidenceTier.METRICS.capConfidence(raw, true).compareTo(new BigDecimal("0.95")),
                "billing-is-state never lowers a higher tier's cap");
        assertEquals(0, EvidenceTier.INVENTORY.capConfidence(new BigDecimal("0.42"), false)
                .compareTo(new BigDecimal("0.42")));
    }
}
