/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An actioned (or verified) finding: its baseline (average daily effective cost before the action, per currency,
 * stored when it was actioned) and the resource's effective cost over the post-action window the caller read.
 *
 * @param postDays days of the post window that the ledger covers (0: none yet)
 * @param hoursBefore the resource's hour-metered rows over the 30 days before the action (null when not read: only
 *                    resize-like actions are rate-normalized)
 * @param hoursAfter  the same over the post window
 */
public record ActionedFinding(String findingId, String resourceId, String owner, String action, LocalDate actionedOn, String currency,
                              BigDecimal baselineDaily, BigDecimal postCost, int postDays, HourlyUsage hoursBefore,
                              HourlyUsage hoursAfter) {

    /** Effective cost and consumed hours of a resource's hour-metered ledger rows in one window and currency. */
    public record HourlyUsage(BigDecimal cost, BigDecimal hours) {
    }

    public ActionedFinding(String findingId, String resourceId, String owner, String action, LocalDate actionedOn, String currency,
                           BigDecimal baselineDaily, BigDecimal postCost, int postDays) {
        this(findingId, resourceId, owner, action, actionedOn, currency, baselineDaily, postCost, postDays, null, null);
    }
}
