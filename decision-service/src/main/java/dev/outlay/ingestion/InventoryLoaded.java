/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

/**
 * CDI event: an inventory or metrics import, or an {@code aws-inventory} read, was stored for a tenant (fired after
 * the store committed, tenant bound; a refused import or a failed read fires nothing).
 *
 * @param source the inventory source ({@code upload}, {@code upload:<name>}, {@code connection:<id>})
 */
public record InventoryLoaded(String tenantId, String source) {
}
