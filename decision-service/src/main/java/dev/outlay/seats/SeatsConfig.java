/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of SaaS seat connections ({@code outlay.seats.*}). */
@ConfigMapping(prefix = "outlay.seats")
public interface SeatsConfig {

    /**
     * Minutes between scheduled polls of each enabled seat connection (Microsoft 365); 0 disables polling. Seat counts
     * change slowly and the vendor APIs throttle, so the default is every six hours.
     */
    @WithDefault("360")
    int pollMinutes();
}
