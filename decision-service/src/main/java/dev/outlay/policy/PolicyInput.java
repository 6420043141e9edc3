/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import dev.outlay.money.Conversion;

import java.math.BigDecimal;

/**
 * What the spend policy decides on. Every amount is in {@code currency}: the budget's when there is one (the
 * request's amount converted with the tenant's rate set when it was asked in another currency, {@code conversion}
 * then says how), else the request's. {@code budgetRemaining} and {@code forecastOverrunPct} are null without a budget.
 */
public record PolicyInput(String resourceClass, String environment, BigDecimal amount, String currency, String owner,
                          BigDecimal budgetRemaining, BigDecimal forecastOverrunPct, Conversion conversion) {
}
