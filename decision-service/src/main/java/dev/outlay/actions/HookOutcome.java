/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

/** What an inbound hook did: {@code outcome} is moved, unchanged, ignored or duplicate; {@code detail} says what the subject's owner did. */
public record HookOutcome(String outcome, String subjectType, String subjectId, String externalKey, String externalStatus, String detail) {

    static HookOutcome of(String outcome) {
        return new HookOutcome(outcome, null, null, null, null, null);
    }
}
