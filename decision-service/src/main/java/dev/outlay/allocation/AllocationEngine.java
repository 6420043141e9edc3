/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.Locale;

/** Where a run's charge groups are formed and decided: in the service, or by the Spark job for very large tenants. */
public enum AllocationEngine {
    SERVICE, SPARK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} or blank means the service; anything else but the two names is refused by the caller. */
    public static AllocationEngine parse(String value) {
        if (value == null || value.isBlank()) return SERVICE;
        for (AllocationEngine e : values()) if (e.wire().equals(value.trim().toLowerCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException("engine must be 'service' or 'spark', not '" + value + "'");
    }
}
