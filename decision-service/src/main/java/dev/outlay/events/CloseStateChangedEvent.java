/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** A billing month's close moved: OPEN → PRELIMINARY → IN_REVIEW → FINAL (or back to OPEN), FINAL → RESTATED. */
public record CloseStateChangedEvent(String period, String from, String to, UUID finalPackageId, String actor) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.CLOSE_STATE_CHANGED;
    }
}
