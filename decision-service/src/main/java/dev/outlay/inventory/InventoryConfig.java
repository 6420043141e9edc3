/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of inventory reads ({@code outlay.inventory.*}). */
@ConfigMapping(prefix = "outlay.inventory")
public interface InventoryConfig {

    /**
     * How often enabled {@code aws-inventory} connections are read; 0 disables the schedule (reads then happen only
     * through {@code POST /api/v1/connections/{id}/poll}). Inventory changes slowly and every read makes one
     * CloudWatch call per 500 series, so the default is every 6 hours.
     */
    @WithDefault("360")
    int pollMinutes();
}
