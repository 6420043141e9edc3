/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The allocation rule inputs of one ledger row, built exactly as {@link ChargeGroups} builds a group's, so a caller
 * holding a single charge (savings findings) can find the charge group, and with it the owner, of a run in force.
 */
public final class ChargeInputs {

    private ChargeInputs() {
    }

    /** The ledger columns (or expressions) the inputs read, in {@link #of} order, for a SELECT list. */
    public static String columns() {
        return String.join(", ", ChargeGroups.DIMENSIONS.keySet());
    }

    /** The same ledger columns (or expressions) one by one, for a reader that aliases each. */
    public static java.util.List<String> columnList() {
        return java.util.List.copyOf(ChargeGroups.DIMENSIONS.keySet());
    }

    /** How many values {@link #columns()} selects. */
    public static int size() {
        return ChargeGroups.DIMENSIONS.size();
    }

    /**
     * @param columns the row's values of {@link #columns()}, in that order
     * @param tags    the row's tags as the ledger spells their keys
     */
    public static Map<String, Object> of(String[] columns, Map<String, String> tags) {
        Map<String, Object> inputs = new TreeMap<>();
        int i = 0;
        for (String name : ChargeGroups.DIMENSIONS.values()) inputs.put(name, columns[i++]);
        // Several spellings of one ownership key: the first non-blank value in TagKeys.SPELLING_ORDER wins, as the SQL COALESCE does.
        Map<String, String> byCanonical = new TreeMap<>();
        TreeSet<String> spellings = new TreeSet<>(TagKeys.SPELLING_ORDER);
        spellings.addAll(tags.keySet());
        for (String raw : spellings) {
            TagKeys.canonical(raw).ifPresent(k -> {
                String v = tags.get(raw);
                if (v != null && !v.isBlank() && !byCanonical.containsKey(k)) byCanonical.put(k, v);
            });
        }
        for (Map.Entry<String, String> e : ChargeGroups.TAG_INPUTS.entrySet()) {
            inputs.put(e.getValue(), TagKeys.normalizeValue(byCanonical.get(e.getKey())));
        }
        return inputs;
    }
}
