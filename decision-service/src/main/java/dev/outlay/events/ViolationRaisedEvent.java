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

/** Spend over a budget or guardrail was recorded as a violation and its triage started (observed spend, anomalies). */
public record ViolationRaisedEvent(UUID violationId, String owner, String resourceClass, String environment, Money amount, String outcome,
                                   String ruleId, String policyVersion) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.VIOLATION_RAISED;
    }
}
