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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventorySignalsTest {

    private static final LocalDate SCAN = LocalDate.of(2026, 11, 30);
    private static final InventorySignals SIGNALS =
            new InventorySignals(Map.of("backup", Set.of("true", "yes"), "dr-role", Set.of()), 14);

    private static InventoryItem volume(String attachedTo, Map<String, String> tags) {
        return new InventoryItem("aws", "111122223333", "eu-west-1", "eu-west-1a", "vol-1",
                ResourceKind.BLOCK_VOLUME, "available", "gp2", attachedTo, Instant.parse("2026-09-01T10:00:00Z"),
                Instant.parse("2026-11-09T23:59:00Z"), tags, Map.of("volumeSizeGiB", "100"),
                Instant.parse("2026-11-30T06:00:00Z"));
    }

    @Test
    void ageStateAndAttachment() {
        InventorySignal s = SIGNALS.signal(volume(null, Map.of()), List.of(), SCAN);
        assertEquals(90, s.ageDays());
        assertEquals(21, s.daysInState());
        assertFalse(s.attached());
        assertNull(s.waiverTag());
        assertTrue(SIGNALS.signal(volume("i-9", Map.of()), List.of(), SCAN).attached());
    }

    @Test
    void waiverTagsMatchKeyAndValueCaseInsensitively() {
        assertEquals("Backup=YES", SIGNALS.signal(volume(null, Map.of("Backup", "YES")), List.of(), SCAN).waiverTag());
        assertNull(SIGNALS.signal(volume(null, Map.of("backup", "no")), List.of(), SCAN).waiverTag());
        assertEquals("dr-role=standby",
                SIGNALS.signal(volume(null, Map.of("dr-role", "standby", "team", "x")), List.of(), SCAN).waiverTag());
    }

    @Test
    void aChangeOfBilledSizeInTheLookBackIsARecentResize() {
        InventoryItem i = new InventoryItem("aws", "111122223333", "eu-west-1", null, "i-1",
                ResourceKind.COMPUTE_INSTANCE, "running", "m5.large", null, null, null, null, null,
                Instant.parse("2026-11-30T06:00:00Z"));
        List<LedgerDay> ledger = List.of(
                day("i-1", SCAN.minusDays(20), "BoxUsage:m5.2xlarge"), // before the look-back: ignored
                day("i-1", SCAN.minusDays(10), "BoxUsage:m5.xlarge"),
                day("i-1", SCAN.minusDays(3), "BoxUsage:m5.large"),
                day("i-2", SCAN.minusDays(3), "BoxUsage:c5.large"));
        InventorySignal s = SIGNALS.signal(i, ledger, SCAN);
        assertEquals(2, s.sizesBilledRecently());
        assertEquals(-1, s.ageDays(), "unknown creation is -1, not 0");
    }

    private static LedgerDay day(String id, LocalDate d, String usageType) {
        return new LedgerDay(id, d, usageType, "RunInstances", new BigDecimal("24"), new BigDecimal("2.30"),
                new BigDecimal("2.30"), "USD", false, null);
    }
}
