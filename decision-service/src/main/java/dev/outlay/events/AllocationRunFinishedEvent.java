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
import java.util.UUID;

/** An allocation run ended: {@code status} {@code succeeded} (its results are in force) or {@code failed} ({@code error}). */
public record AllocationRunFinishedEvent(UUID runId, LocalDate billingPeriod, String status, String versionHash, String engine,
                                         Integer groups, Long rowsApplied, String error) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.ALLOCATION_RUN_FINISHED;
    }
}
