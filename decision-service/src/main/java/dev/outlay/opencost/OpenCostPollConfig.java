/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.opencost;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of OpenCost connections ({@code outlay.opencost.*}). */
@ConfigMapping(prefix = "outlay.opencost")
public interface OpenCostPollConfig {

    /** Minutes between scheduled polls of each enabled OpenCost connection; 0 disables polling. Days complete once a day. */
    @WithDefault("360")
    int pollMinutes();
}
