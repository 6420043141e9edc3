/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What one month's poll of a Stripe connection read and did: the ingestion's status ({@code succeeded},
 * {@code duplicate}, {@code dry-run}, or {@code no-fees} when the month had no fee to load), Stripe's fees and the
 * revenue per currency, and the metric values written.
 */
public record StripePollResult(UUID connection, String month, String status, UUID ingestion, int transactions, int rows,
                               List<Amount> fees, List<Amount> revenue, long orders, int metricValues) {

    public record Amount(String currency, BigDecimal amount) {
    }
}
