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

import java.time.Instant;
import java.util.UUID;

/**
 * A rule evaluation written to the decision log. Inputs and outputs stay in Outlay (they may carry what the tenant
 * keeps private): a consumer reads or replays the decision by its id through the API.
 */
public record DecisionLoggedEvent(UUID decisionId, String ruleSet, String versionHash, String caller, Instant at, UUID runId,
                                  int rowCount) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.DECISION_LOGGED;
    }
}
