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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An inventory import file → canonical items. Every record is checked and every fault reported; one bad record
 * refuses the file. Unknown cells stay null (unknown), never guessed.
 */
final class InventoryFile {

    static final int MAX_ID = 2048;
    static final int MAX_TEXT = 512;
    private static final String KINDS = Arrays.stream(ResourceKind.values()).map(ResourceKind::wireName)
            .collect(Collectors.joining(", "));

    private InventoryFile() {
    }

    /** Items sorted by resource id; {@code observedAt} is the import's time. */
    static List<InventoryItem> parse(byte[] body, ImportFormat format, Instant observedAt) {
        List<ImportRecord> records = ImportTable.read(body, format, ImportColumns.INVENTORY);
        List<ImportFault> faults = new ArrayList<>();
        ImportValues v = new ImportValues(faults);
        List<InventoryItem> items = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportRecord r : records) {
            String id = v.required(r, ImportColumns.RESOURCE_ID);
            String provider = ImportValues.lower(v.required(r, ImportColumns.PROVIDER));
            String kindText = v.required(r, ImportColumns.KIND);
            ResourceKind kind = null;
            if (kindText != null) {
                kind = ResourceKind.fromWire(kindText).orElse(null);
                if (kind == null) v.fault(r, ImportColumns.KIND, "unknown kind '" + kindText + "'; kinds are " + KINDS);
            }
            if (id != null) {
                if (id.length() > MAX_ID) v.fault(r, ImportColumns.RESOURCE_ID, "resource_id is longer than " + MAX_ID + " characters");
                Integer before = firstLine.putIfAbsent(id, r.line());
                if (before != null) v.fault(r, ImportColumns.RESOURCE_ID, "resource " + id + " is already listed on line " + before);
            }
            for (String c : List.of(ImportColumns.PROVIDER, ImportColumns.ACCOUNT_ID, ImportColumns.REGION, ImportColumns.ZONE,
                    ImportColumns.STATE, ImportColumns.SIZE)) {
                String t = r.get(c);
                if (t != null && t.length() > MAX_TEXT) v.fault(r, c, c + " is longer than " + MAX_TEXT + " characters");
            }
            String attached = r.get(ImportColumns.ATTACHED_TO);
            if (attached != null && attached.length() > MAX_ID) v.fault(r, ImportColumns.ATTACHED_TO, "attached_to is longer than " + MAX_ID + " characters");
            Instant created = v.instant(r, ImportColumns.CREATED_AT);
            Instant since = v.instant(r, ImportColumns.STATE_SINCE);
            Map<String, String> tags = v.keyValues(r, ImportColumns.TAGS);
            Map<String, String> attributes = v.keyValues(r, ImportColumns.ATTRIBUTES);
            SaasSeats.check(v, r, kind, attributes);
            if (id == null || provider == null || kind == null) continue;
            items.add(new InventoryItem(provider, r.get(ImportColumns.ACCOUNT_ID), r.get(ImportColumns.REGION),
                    r.get(ImportColumns.ZONE), id, kind, ImportValues.lower(r.get(ImportColumns.STATE)),
                    r.get(ImportColumns.SIZE), attached, created, since, tags, attributes, observedAt));
        }
        if (!faults.isEmpty()) throw new InventoryImportRefusedException("the inventory file is not valid; nothing was stored", faults);
        items.sort(Comparator.comparing(InventoryItem::resourceId));
        return items;
    }
}
