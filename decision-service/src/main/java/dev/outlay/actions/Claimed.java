/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.util.UUID;

/** A delivery the worker holds a lease on; {@code leaseExpired} when a previous worker died holding it. */
record Claimed(UUID id, UUID eventId, String channel, String target, String idempotencyKey, int attempt, boolean leaseExpired) {
}
