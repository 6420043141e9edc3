/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of Stripe connections ({@code outlay.stripe.*}). */
@ConfigMapping(prefix = "outlay.stripe")
public interface StripePollConfig {

    /**
     * Minutes between scheduled polls of each enabled Stripe connection; 0 disables polling. Fees and revenue arrive
     * all day, and one poll reads the current month (a few pages), so the default is hourly.
     */
    @WithDefault("60")
    int pollMinutes();
}
