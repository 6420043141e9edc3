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
import java.util.Map;
import java.util.UUID;

/**
 * A stored resource as {@code GET /api/v1/inventory} answers it. Null fields are unknown to the source, not empty;
 * {@code present = false} means a later full read of its source no longer listed it.
 */
public record InventoryItemView(String resourceId, String provider, String accountId, String region, String zone,
                                String kind, String state, String size, String attachedTo, Instant createdAt,
                                Instant stateSince, Map<String, String> tags, Map<String, String> attributes,
                                Instant observedAt, String source, UUID importId, boolean present) {
}
