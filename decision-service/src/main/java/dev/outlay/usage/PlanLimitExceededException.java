/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

/** An action refused because the tenant's plan allows no more of a metric; nothing was changed. */
public class PlanLimitExceededException extends RuntimeException {

    private final String limit;
    private final String plan;
    private final long current;
    private final long allowed;

    public PlanLimitExceededException(String limit, String plan, long current, long allowed) {
        super("The " + plan + " plan allows " + allowed + " " + limit.replace('_', ' ') + "; this tenant has " + current
                + ". Remove one or move to a larger plan. Acting on findings and approving savings are never limited.");
        this.limit = limit;
        this.plan = plan;
        this.current = current;
        this.allowed = allowed;
    }

    public String limit() {
        return limit;
    }

    public String plan() {
        return plan;
    }

    public long current() {
        return current;
    }

    public long allowed() {
        return allowed;
    }
}
