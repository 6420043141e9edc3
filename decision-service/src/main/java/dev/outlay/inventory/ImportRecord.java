/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.util.Map;

/**
 * One record of an import file with its cells under canonical column names. Empty cells, JSON nulls and the
 * literal {@code NULL} (any case, as database exports write it) are absent from {@code cells}: absent = unknown.
 * Nested JSON objects (tags, attributes of a JSON file) are kept as their JSON text.
 *
 * @param line the physical line the record starts on
 */
record ImportRecord(int line, Map<String, String> cells) {

    String get(String column) {
        return cells.get(column);
    }
}
