/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

/** A transition the finding's current status does not allow (e.g. verifying an open finding); nothing was changed. */
public class FindingTransitionException extends RuntimeException {

    private final String findingId;
    private final String transition;
    private final String status;

    public FindingTransitionException(String findingId, String transition, String status, String why) {
        super(why);
        this.findingId = findingId;
        this.transition = transition;
        this.status = status;
    }

    public String findingId() {
        return findingId;
    }

    public String transition() {
        return transition;
    }

    public String status() {
        return status;
    }
}
