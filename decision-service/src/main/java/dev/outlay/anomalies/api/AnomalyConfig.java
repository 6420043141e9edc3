/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduled anomaly detection ({@code outlay.anomalies.*}). */
@ConfigMapping(prefix = "outlay.anomalies")
public interface AnomalyConfig {

    /** Quartz-style cron of the daily detection over every tenant; "off" disables the schedule. */
    @WithDefault("0 30 6 * * ?")
    String cron();

    /** Also detect for a tenant right after each of its successful ingestions. */
    @WithDefault("true")
    boolean afterIngestion();

    /** Days of the detection window, ending at the tenant's newest ledger day. */
    @WithDefault("35")
    int windowDays();
}
