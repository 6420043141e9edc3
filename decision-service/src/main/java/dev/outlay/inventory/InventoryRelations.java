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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about one item that only another item knows, as the findings signals read them (docs/findings-engine.md):
 * a volume's {@code attachedInstanceState} / {@code attachedInstanceStoppedDays} from the instance it is attached
 * to, a snapshot's {@code sourceVolumePresent} from whether its source volume is still in the inventory (AWS keeps
 * the source volume id on a snapshot after the volume is deleted, so "has a source id" is not "has a source").
 * An attribute the source gave is kept as given.
 */
final class InventoryRelations {

    private InventoryRelations() {
    }

    static List<InventoryItem> enrich(List<InventoryItem> items, LocalDate scanDate) {
        Map<String, InventoryItem> byId = new HashMap<>();
        for (InventoryItem i : items) byId.put(i.resourceId(), i);
        List<InventoryItem> out = new ArrayList<>(items.size());
        for (InventoryItem i : items) {
            Map<String, String> extra = new TreeMap<>();
            String target = i.attachedTo() == null || i.attachedTo().isBlank() ? null : i.attachedTo();
            if (i.kind() == ResourceKind.BLOCK_VOLUME && target != null) {
                InventoryItem instance = byId.get(target);
                if (instance != null && instance.kind() == ResourceKind.COMPUTE_INSTANCE && instance.state() != null) {
                    extra.put("attachedInstanceState", instance.state());
                    if ("stopped".equals(instance.state()) && instance.stateSince() != null) {
                        extra.put("attachedInstanceStoppedDays", String.valueOf(ChronoUnit.DAYS.between(
                                instance.stateSince().atZone(ZoneOffset.UTC).toLocalDate(), scanDate)));
                    }
                }
            }
            if (i.kind() == ResourceKind.VOLUME_SNAPSHOT && target != null) {
                extra.put("sourceVolumePresent", String.valueOf(byId.containsKey(target)));
            }
            extra.keySet().removeAll(i.attributes().keySet());
            if (extra.isEmpty()) {
                out.add(i);
                continue;
            }
            Map<String, String> attributes = new TreeMap<>(i.attributes());
            attributes.putAll(extra);
            out.add(new InventoryItem(i.provider(), i.accountId(), i.region(), i.zone(), i.resourceId(), i.kind(), i.state(),
                    i.size(), i.attachedTo(), i.createdAt(), i.stateSince(), i.tags(), attributes, i.observedAt()));
        }
        return out;
    }
}
