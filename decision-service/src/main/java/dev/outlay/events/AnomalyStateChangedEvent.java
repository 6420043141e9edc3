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

import java.time.LocalDate;

/** An anomaly's status changed (snoozed until a day, resolved); {@code actor} is who did it. */
public record AnomalyStateChangedEvent(String anomalyId, String from, String to, LocalDate snoozedUntil, String actor) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.ANOMALY_STATE_CHANGED;
    }
}
