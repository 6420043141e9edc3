/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import java.util.List;

/** The allocation owner a budget covers: a team, product, environment, cost centre or account, and its value. */
public record BudgetScope(String type, String value) {

    public static final List<String> TYPES = List.of("team", "product", "environment", "costCentre", "account");
}
