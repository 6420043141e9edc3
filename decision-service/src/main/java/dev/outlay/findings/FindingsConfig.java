/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Savings-finding scans ({@code outlay.findings.*}). */
@ConfigMapping(prefix = "outlay.findings")
public interface FindingsConfig {

    /** Quartz-style cron of the daily scan of every tenant; "off" disables the schedule. */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** Also scan a tenant right after each of its successful billing loads. */
    @WithDefault("true")
    boolean afterIngestion();

    /** Days after an action during which a finding still detected stays actioned; after them it is reopened. */
    @WithDefault("7")
    int reopenGraceDays();
}
