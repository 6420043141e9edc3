/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import java.util.Arrays;
import java.util.Optional;

/**
 * What is metered. A level metric (connected sources, seats) has a current value, the sum of its +1/-1 events;
 * a volume metric (ingested rows) only adds up over a window.
 */
public enum UsageMetric {
    CONNECTED_SOURCES("connected_sources", true),
    SEATS("seats", true),
    INGESTED_ROWS("ingested_rows", false);

    private final String id;
    private final boolean level;

    UsageMetric(String id, boolean level) {
        this.id = id;
        this.level = level;
    }

    public String id() {
        return id;
    }

    public boolean level() {
        return level;
    }

    public static Optional<UsageMetric> of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
