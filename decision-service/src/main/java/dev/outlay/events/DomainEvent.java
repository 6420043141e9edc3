/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

/** The {@code data} of one domain event: a typed record per kind (docs/events.md has each one's JSON Schema). */
public sealed interface DomainEvent permits IngestionSucceededEvent, AllocationRunFinishedEvent, DecisionLoggedEvent,
        AnomalyDetectedEvent, AnomalyStateChangedEvent, FindingOpenedEvent, ViolationRaisedEvent, CloseStateChangedEvent {

    EventKind kind();
}
