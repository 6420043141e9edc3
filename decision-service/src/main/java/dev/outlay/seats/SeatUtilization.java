/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a seat connection's last successful poll said of each SKU: bought, assigned, active in the last 30 days (null
 * when the source does not know sign-ins), and the unused seats the savings findings ({@code waste.saas.unused-seats})
 * judge: assigned but not active, plus bought but unassigned. Empty before the first successful poll.
 */
public record SeatUtilization(UUID connection, String kind, Instant observedAt, long unusedSeats, List<Sku> skus) {

    public record Sku(String sku, String resourceId, long purchased, long assigned, Long active30d, long unassigned, Long inactive30d,
                      long unusedSeats) {
    }
}
