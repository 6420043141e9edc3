/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Month-end close ({@code outlay.close.*}). */
@ConfigMapping(prefix = "outlay.close")
public interface CloseConfig {

    /**
     * Days after a month ends before its preliminary package is generated automatically. Providers keep changing a
     * month for a while (Azure closes a billing period up to 72 hours after it ends; AWS may adjust for refunds and
     * credits), so the default waits three days.
     */
    @WithDefault("3")
    int preliminaryAfterDays();

    /** Quartz-style cron of the check that generates due preliminary packages; "off" disables it. */
    @WithDefault("0 15 * * * ?")
    String cron();

    /** How long a close review may wait in the inbox before leadership is notified (the BPMN's boundary timer). */
    @WithDefault("P2D")
    Duration reviewSla();

    /** The group that reviews (and approves) closes and restatements. */
    @WithDefault("finance")
    String reviewGroup();
}
