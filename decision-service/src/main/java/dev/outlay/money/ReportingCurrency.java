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
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * A converted total, asked for explicitly (reportingCurrency=XXX): every figure in another currency is converted
 * on its own with {@link FxConverter} (its Conversion is shown beside it), figures already in the reporting
 * currency are taken as they are, and the total is the sum of those. The total names the rate-set version and
 * every rate it used, so it can be recomputed. Per-currency totals stay the primary answer.
 */
public final class ReportingCurrency {

    public record RateUsed(String from, String to, LocalDate rateDate, BigDecimal rate) {
    }

    public record Total(String currency, BigDecimal amount, String rateVersion, List<RateUsed> rates) {
    }

    private final FxConverter fx;
    private final String currency;
    private BigDecimal sum = BigDecimal.ZERO;
    private final TreeMap<String, RateUsed> rates = new TreeMap<>();

    public ReportingCurrency(FxConverter fx, String currency) {
        this.fx = fx;
        this.currency = currency;
    }

    public String currency() {
        return currency;
    }

    /** Adds a figure to the total; returns its conversion, or null when it is in the reporting currency already. */
    public Conversion add(BigDecimal amount, String from, LocalDate date) {
        if (from.equals(currency)) {
            sum = sum.add(amount);
            return null;
        }
        Conversion c = fx.convert(amount, from, currency, date);
        sum = sum.add(c.convertedAmount());
        rates.putIfAbsent(from + "/" + currency + "@" + c.rateDate(), new RateUsed(from, currency, c.rateDate(), c.rate()));
        return c;
    }

    public Total total() {
        return new Total(currency, sum, fx.version(), List.copyOf(rates.values()));
    }
}
