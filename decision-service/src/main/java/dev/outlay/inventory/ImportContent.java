/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.util.Locale;
import java.util.Optional;

/** What an import carries: resources (a full snapshot of its source) or utilization samples. */
public enum ImportContent {
    INVENTORY("inventory"),
    METRICS("metrics");

    private final String wireName;

    ImportContent(String wireName) {
        this.wireName = wireName;
    }

    /** As {@code ?content=} and the {@code inventory_import.content} column spell it. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ImportContent> fromWire(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ImportContent c : values()) {
            if (c.wireName.equals(t)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
