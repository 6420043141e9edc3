/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import dev.outlay.api.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The writable part of a budget, as posted by a client. */
public record BudgetInput(String name, String scopeType, String scopeValue, String period, BigDecimal amount,
                          String currency, List<Integer> thresholds) {

    public List<Problem.Fault> faults() {
        List<Problem.Fault> f = new ArrayList<>();
        if (name == null || name.isBlank()) f.add(Problem.Fault.at("name", "required"));
        if (scopeType == null || !BudgetScope.TYPES.contains(scopeType)) f.add(Problem.Fault.at("scopeType", "one of " + BudgetScope.TYPES));
        if (scopeValue == null || scopeValue.isBlank()) f.add(Problem.Fault.at("scopeValue", "required"));
        if (period == null || !List.of("month", "quarter").contains(period)) f.add(Problem.Fault.at("period", "one of [month, quarter]"));
        if (amount == null || amount.signum() < 0) f.add(Problem.Fault.at("amount", "must be zero or positive"));
        if (currency == null || !currency.matches("[A-Z]{3}")) f.add(Problem.Fault.at("currency", "ISO 4217 code, e.g. USD"));
        if (thresholds != null) {
            for (Integer t : thresholds) {
                if (t == null || t <= 0 || t > 1000) f.add(Problem.Fault.at("thresholds", "percentages between 1 and 1000"));
            }
        }
        return f;
    }

    public List<Integer> thresholdsOrDefault() {
        return thresholds == null ? List.of(80, 100) : thresholds.stream().distinct().sorted().toList();
    }
}
