/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.ResourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cross-item facts: a volume learns its instance's state, a snapshot whether its source volume still exists. */
class InventoryRelationsTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static InventoryItem item(String id, ResourceKind kind, String state, String attachedTo, Instant since, Map<String, String> attrs) {
        return new InventoryItem("aws", "111122223333", "eu-west-1", null, id, kind, state, null, attachedTo, null, since,
                Map.of(), attrs, NOW);
    }

    @Test
    void volumesOfStoppedInstancesAndSnapshotsOfGoneVolumes() {
        List<InventoryItem> out = InventoryRelations.enrich(List.of(
                item("i-1", ResourceKind.COMPUTE_INSTANCE, "stopped", null, Instant.parse("2026-10-01T08:30:00Z"), Map.of()),
                item("i-2", ResourceKind.COMPUTE_INSTANCE, "running", null, null, Map.of()),
                item("vol-1", ResourceKind.BLOCK_VOLUME, "in-use", "i-1", null, Map.of()),
                item("vol-2", ResourceKind.BLOCK_VOLUME, "in-use", "i-2", null, Map.of()),
                item("vol-3", ResourceKind.BLOCK_VOLUME, "in-use", "i-1", null, Map.of("attachedInstanceStoppedDays", "3")),
                item("snap-1", ResourceKind.VOLUME_SNAPSHOT, "completed", "vol-1", null, Map.of()),
                item("snap-2", ResourceKind.VOLUME_SNAPSHOT, "completed", "vol-gone", null, Map.of()),
                item("snap-3", ResourceKind.VOLUME_SNAPSHOT, "completed", null, null, Map.of())), LocalDate.of(2026, 12, 1));
        assertEquals(Map.of("attachedInstanceState", "stopped", "attachedInstanceStoppedDays", "61"), out.get(2).attributes());
        assertEquals(Map.of("attachedInstanceState", "running"), out.get(3).attributes());
        assertEquals("3", out.get(4).attributes().get("attachedInstanceStoppedDays"), "what the source gave is kept");
        assertEquals("true", out.get(5).attributes().get("sourceVolumePresent"));
        assertEquals("false", out.get(6).attributes().get("sourceVolumePresent"));
        assertNull(out.get(7).attributes().get("sourceVolumePresent"), "no source id: the signal reads attachedTo itself");
        assertEquals(Map.of(), out.get(0).attributes());
    }
}
