/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rounding for people-facing outputs: ISO 4217 minor units, HALF_EVEN. */
class MinorUnitsTest {

    @Test
    void roundsToEachCurrencysMinorUnitHalfEven() {
        assertEquals("1234", MinorUnits.cell(new BigDecimal("1234.5"), "JPY"), "JPY has no minor unit; half to even");
        assertEquals("1236", MinorUnits.cell(new BigDecimal("1235.5"), "JPY"), "half to even");
        assertEquals("1234", MinorUnits.cell(new BigDecimal("1233.5"), "JPY"), "half to even");
        assertEquals("1234", MinorUnits.cell(new BigDecimal("1234.4999"), "JPY"));
        assertEquals("150.62", MinorUnits.cell(new BigDecimal("150.6234567890"), "USD"));
        assertEquals("0.12", MinorUnits.cell(new BigDecimal("0.125"), "USD"), "half to even");
        assertEquals("0.14", MinorUnits.cell(new BigDecimal("0.135"), "USD"), "half to even");
        assertEquals("-1.11", MinorUnits.cell(new BigDecimal("-1.1100"), "EUR"));
        assertEquals("12.346", MinorUnits.cell(new BigDecimal("12.3455"), "BHD"), "three digits, half to even");
        assertEquals("5.000", MinorUnits.cell(new BigDecimal("5"), "BHD"));
        assertEquals("1.23456", MinorUnits.cell(new BigDecimal("1.23456"), "XAU"), "no minor unit: every digit kept");
    }
}
