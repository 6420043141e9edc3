/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery as the delivery log shows it, with every attempt. */
public record Delivery(UUID id, UUID eventId, String eventKind, String subjectType, String subjectId, String channel, String target,
                       String idempotencyKey, String status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                       Instant deliveredAt, Instant createdAt, UUID routingDecisionId, String externalRef,
                       List<Attempt> attemptLog) {

    public record Attempt(int attempt, String outcome, Integer statusCode, String error, Instant at) {
    }
}
