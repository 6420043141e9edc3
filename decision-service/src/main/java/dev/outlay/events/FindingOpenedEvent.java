/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A savings finding first detected; its estimated monthly savings per currency (low / expected / high). */
public record FindingOpenedEvent(String findingId, String resourceId, String provider, String detector, String owner, String environment,
                                 String risk, UUID decisionId, List<Savings> savings) implements DomainEvent {

    public record Savings(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal low,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expected,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal high) {
    }

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.FINDING_OPENED;
    }
}
