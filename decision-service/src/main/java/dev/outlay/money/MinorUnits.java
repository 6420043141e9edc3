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
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Rounding of amounts to a currency's minor unit, for outputs meant for people (CSV statements and reports).
 * The API keeps exact decimals; only these outputs round. HALF_EVEN (banker's rounding): a column of rounded
 * figures carries no upward drift when many values end in exactly half a unit, which is what finance teams
 * reconcile against. Digits come from ISO 4217 via {@link Currency#getDefaultFractionDigits()}: JPY 0, USD 2,
 * BHD 3. A code the JDK does not know, or one without a minor unit (-1, e.g. XAU), keeps every digit.
 */
public final class MinorUnits {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private MinorUnits() {
    }

    /** Whether {@code code} is an ISO 4217 currency code the JDK knows. */
    public static boolean known(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) return false;
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The currency's ISO 4217 minor-unit digits, or -1 when it has none or is unknown. */
    public static int digits(String currency) {
        if (currency == null) return -1;
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        int digits = digits(currency);
        return digits < 0 ? amount : amount.setScale(digits, ROUNDING);
    }

    /** The rounded amount as CSV cell text (plain notation, never exponent form). */
    public static String cell(BigDecimal amount, String currency) {
        return round(amount, currency).toPlainString();
    }
}
