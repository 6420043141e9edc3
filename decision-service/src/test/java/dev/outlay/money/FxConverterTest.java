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
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversion without a database: exact products, documented rounding, the rate in force, and missing rates refused. */
class FxConverterTest {

    private final FxConverter fx = new FxConverter("v1", List.of(
            new FxRate(LocalDate.of(2026, 10, 1), "EUR", "USD", new BigDecimal("1.0842")),
            new FxRate(LocalDate.of(2026, 10, 15), "EUR", "USD", new BigDecimal("1.0901")),
            new FxRate(LocalDate.of(2026, 10, 1), "USD", "JPY", new BigDecimal("151.237")),
            new FxRate(LocalDate.of(2026, 10, 1), "USD", "BHD", new BigDecimal("0.376"))));

    @Test
    void theRateInForceIsTheLatestOnOrBeforeTheDateAndItIsRecorded() {
        Conversion c = fx.convert(new BigDecimal("18296.69"), "EUR", "USD", LocalDate.of(2026, 10, 31));
        assertEquals(0, new BigDecimal("1.0901").compareTo(c.rate()));
        assertEquals(LocalDate.of(2026, 10, 15), c.rateDate());
        assertEquals("v1", c.rateVersion());
        assertEquals("USD", c.convertedCurrency());
        // 18296.69 × 1.0901 = 19945.222769 exactly, HALF_EVEN to the source's 2 digits
        assertEquals(new BigDecimal("19945.22"), c.convertedAmount());
        Conversion early = fx.convert(new BigDecimal("100.00"), "EUR", "USD", LocalDate.of(2026, 10, 14));
        assertEquals(LocalDate.of(2026, 10, 1), early.rateDate());
        assertEquals(new BigDecimal("108.42"), early.convertedAmount());
    }

    @Test
    void roundingIsHalfEvenAtTheLargerOfSourceScaleAndTargetMinorUnit() {
        // 0.05 × 0.376 = 0.0188 → BHD has 3 digits → 0.019
        assertEquals(new BigDecimal("0.019"), fx.convert(new BigDecimal("0.05"), "USD", "BHD", LocalDate.of(2026, 10, 2)).convertedAmount());
        // 1.50 × 151.237 = 226.8555 → source scale 2 (JPY has 0) → HALF_EVEN 226.86
        assertEquals(new BigDecimal("226.86"), fx.convert(new BigDecimal("1.50"), "USD", "JPY", LocalDate.of(2026, 10, 2)).convertedAmount());
        // an exact half goes to the even neighbour: 0.125 × 1 would be trivial, so check FxConverter.convert directly
        assertEquals(new BigDecimal("0.12"), FxConverter.convert(new BigDecimal("0.125"), BigDecimal.ONE, "USD").setScale(2, MinorUnits.ROUNDING));
        assertEquals(new BigDecimal("2.5"), FxConverter.convert(new BigDecimal("2.5"), BigDecimal.ONE, "JPY"));
    }

    @Test
    void missingOrStaleRatesAndUnlistedInversePairsAreRefusedNamingPairAndDate() {
        MissingRateException none = assertThrows(MissingRateException.class,
                () -> fx.convert(BigDecimal.TEN, "USD", "EUR", LocalDate.of(2026, 10, 20)));
        assertEquals("USD", none.from());
        assertEquals("EUR", none.to());
        assertEquals(LocalDate.of(2026, 10, 20), none.date());
        assertThrows(MissingRateException.class, () -> fx.convert(BigDecimal.TEN, "EUR", "USD", LocalDate.of(2026, 9, 30)), "before the first rate");
        MissingRateException stale = assertThrows(MissingRateException.class,
                () -> fx.convert(BigDecimal.TEN, "EUR", "USD", LocalDate.of(2026, 12, 31)));
        assertTrue(stale.getMessage().contains("2026-10-15"), stale.getMessage());
    }

    @Test
    void sameInputsGiveTheSameAnswer() {
        LocalDate d = LocalDate.of(2026, 10, 20);
        assertEquals(fx.convert(new BigDecimal("123.4567"), "EUR", "USD", d), fx.convert(new BigDecimal("123.4567"), "EUR", "USD", d));
    }

    @Test
    void reportingTotalsAddConvertedFiguresAndNameTheRatesUsed() {
        ReportingCurrency r = new ReportingCurrency(fx, "USD");
        assertEquals(null, r.add(new BigDecimal("97301.74"), "USD", LocalDate.of(2026, 10, 31)));
        Conversion c = r.add(new BigDecimal("18296.69"), "EUR", LocalDate.of(2026, 10, 31));
        ReportingCurrency.Total t = r.total();
        assertEquals(0, new BigDecimal("97301.74").add(c.convertedAmount()).compareTo(t.amount()));
        assertEquals(new BigDecimal("117246.96"), t.amount());
        assertEquals("v1", t.rateVersion());
        assertEquals(List.of(new ReportingCurrency.RateUsed("EUR", "USD", LocalDate.of(2026, 10, 15), new BigDecimal("1.0901"))), t.rates());
    }
}
