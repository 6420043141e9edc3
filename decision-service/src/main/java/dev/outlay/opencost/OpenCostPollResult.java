/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.opencost;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One month's poll of an OpenCost connection: the ingestion's status ({@code succeeded}, {@code duplicate},
 * {@code dry-run}, or {@code no-days} when the month has no complete day yet), the complete days read, the
 * allocations and rows, and the cost allocated (the offset rows carry minus it, so the ledger's effective total is
 * unchanged by this source).
 */
public record OpenCostPollResult(UUID connection, String month, String status, UUID ingestion, String from, String to,
                                 int allocations, int rows, String currency, BigDecimal allocated) {
}
