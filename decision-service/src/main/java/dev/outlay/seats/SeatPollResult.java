/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What one poll of a seat connection did: the month it charged, the ingestion that loaded it ({@code succeeded}, or
 * {@code duplicate} when seats and prices are unchanged since the last load; none for a {@code dry-run}), the month's
 * charge per currency and the seats per SKU (the unused-seat view).
 */
public record SeatPollResult(UUID connection, String month, String status, UUID ingestion, int rows, List<Total> totals,
                             long paidSeats, boolean activityKnown, List<SkuSeats> skus) {

    /** The month's charge in one currency. */
    public record Total(String currency, BigDecimal amount) {
    }

    /**
     * One SKU's seats: {@code unassigned} bought but held by nobody, {@code inactive} assigned but without a sign-in in
     * 30 days (null when the tenant cannot tell).
     */
    public record SkuSeats(String sku, long purchased, long assigned, Long active30d, long unassigned, Long inactive) {
    }
}
