/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.connectors.aws.inventory.ServiceOutcome;

import java.util.List;
import java.util.UUID;

/**
 * What one read of an {@code aws-inventory} connection did.
 *
 * @param status   {@code ok}; {@code unhealthy} when AWS rejected the credentials (nothing written; a person must
 *                 fix them, retrying will not); {@code failed} for anything else (throttling beyond the retries, an
 *                 unreachable endpoint, an answer that could not be read: nothing written, the next poll retries)
 * @param imports  the inventory and the metrics import of an ok read, else empty
 * @param outcomes per service and region: read or denied (denied listings leave their items as they were)
 */
public record InventoryPollResult(UUID connection, String status, String detail, List<ImportResult> imports,
                                  List<ServiceOutcome> outcomes) {

    public static final String OK = "ok";
    public static final String UNHEALTHY = "unhealthy";
    public static final String FAILED = "failed";
}
