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

/** One stored import as {@code GET /api/v1/inventory/imports} lists it. */
public record InventoryImport(UUID id, String source, String content, String format, String fileSha256, int items,
                              int samples, String createdBy, Instant createdAt) {
}
