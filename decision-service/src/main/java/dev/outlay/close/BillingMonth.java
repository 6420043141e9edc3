/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A billing period as the close API spells it ({@code YYYY-MM}) and as the tables store it (its first day). */
public final class BillingMonth {

    private BillingMonth() {
    }

    /** The month of {@code text}, or a {@link CloseRefusedException} naming the field (bad input is refused, not guessed). */
    public static YearMonth parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw CloseRefusedException.badInput("period", "expected YYYY-MM, got " + (text == null ? "nothing" : "'" + text + "'"));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw CloseRefusedException.badInput("period", "not a month: '" + text + "'");
        }
    }

    public static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }

    public static YearMonth of(LocalDate firstDay) {
        return YearMonth.from(firstDay);
    }
}
