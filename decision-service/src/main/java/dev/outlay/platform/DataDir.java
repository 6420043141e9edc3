/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import java.nio.file.Path;

/** Where Outlay keeps its local state (embedded database, demo signing keys): OUTLAY_DATA_DIR, default ./data. */
public final class DataDir {

    private DataDir() {
    }

    public static Path resolve() {
        String configured = System.getProperty("outlay.data-dir");
        if (configured == null || configured.isBlank()) configured = System.getenv("OUTLAY_DATA_DIR");
        if (configured == null || configured.isBlank()) configured = "data";
        return Path.of(configured).toAbsolutePath().normalize();
    }
}
