/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A spending limit for one allocation scope and period; thresholds are percentages of the amount that alert. */
public record Budget(UUID id, String name, String scopeType, String scopeValue, String period, BigDecimal amount,
                     String currency, List<Integer> thresholds, String createdBy, Instant createdAt, Instant updatedAt) {

    public BudgetScope scope() {
        return new BudgetScope(scopeType, scopeValue);
    }
}
