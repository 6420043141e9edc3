/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import java.util.List;

/** Who an unanswered approval goes to next. Called from the spend-approval BPMN when the SLA timer fires. */
public final class EscalationLadder {

    public static final List<String> LEVELS = List.of("approver", "finance", "leadership");

    private EscalationLadder() {
    }

    /** The next level above {@code group}, or null when nobody is above it (the request then expires). */
    public static String next(String group) {
        int i = LEVELS.indexOf(group);
        return i >= 0 && i + 1 < LEVELS.size() ? LEVELS.get(i + 1) : null;
    }
}
