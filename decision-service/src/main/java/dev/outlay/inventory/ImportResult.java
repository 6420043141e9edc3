/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * What one stored import did.
 *
 * @param days         daily aggregates written (metrics)
 * @param gapDays      of those, days with less than 86 400 covered seconds
 * @param markedAbsent items of the same source this full snapshot no longer lists, now {@code present = false}
 */
public record ImportResult(UUID id, String source, String content, String format, String fileSha256, int items,
                           int samples, int days, int gapDays, int markedAbsent, Instant createdAt) {
}
