/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import java.time.Instant;
import java.util.UUID;

/** One metered product action, as stored (append-only). */
public record UsageEvent(UUID id, Instant at, String metric, String event, long quantity, String subjectType, String subjectId,
                         String detail, String actor) {
}
