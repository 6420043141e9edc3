/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.money;

import java.math.BigDecimal;

/** Cells shared by the CSV reports for people (costs, allocation statements). */
public final class ReportCsv {

    private ReportCsv() {
    }

    /**
     * A text cell: a leading formula character is neutralised so a spreadsheet never executes a tag value (the
     * lone "-" of an empty owner dimension stays as it is), and a cell with a comma, quote or line break is quoted.
     */
    public static String text(String v) {
        if (v == null) return "";
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.equals("-") ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * The five conversion columns (converted currency and amount, rate, rate date, rate-set version) of a line:
     * a line already in the reporting currency repeats its own amount and leaves the rate cells empty.
     */
    public static String conversion(Conversion c, BigDecimal amount, String currency) {
        if (c == null) return "," + currency + "," + MinorUnits.cell(amount, currency) + ",,,";
        return "," + c.convertedCurrency() + "," + MinorUnits.cell(c.convertedAmount(), c.convertedCurrency()) + ","
                + c.rate().toPlainString() + "," + c.rateDate() + "," + c.rateVersion();
    }
}
