/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A calendar month or quarter containing a date; {@code end} is exclusive. */
public record BudgetPeriod(LocalDate start, LocalDate end) {

    public static BudgetPeriod containing(String period, LocalDate day) {
        return switch (period) {
            case "month" -> new BudgetPeriod(day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
            case "quarter" -> {
                LocalDate s = LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
                yield new BudgetPeriod(s, s.plusMonths(3));
            }
            default -> throw new IllegalArgumentException("unknown period " + period);
        };
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }
}
