/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored invoice summary: which file, which period (YYYY-MM) and currency, which accounts, how many lines. */
public record InvoiceDocument(UUID id, String fileName, String format, String sha256, String period, String currency,
                              List<String> accounts, int lineCount, BigDecimal total, String createdBy, Instant createdAt) {
}
