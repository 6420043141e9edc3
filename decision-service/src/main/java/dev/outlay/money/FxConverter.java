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
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Converts amounts with one rate set. Plain and deterministic:
 * <ul>
 *   <li>the rate for (from, to) on a date is the set's rate for exactly that pair with the latest date on or before
 *       it (a rate holds until the next one). Inverse pairs are not derived: 1/rate would need a rounding the
 *       uploader never chose, so a set that should convert both ways lists both pairs;</li>
 *   <li>the converted amount is {@code amount × rate}, computed exactly, then rounded HALF_EVEN to the larger of
 *       the source amount's scale and the target currency's minor-unit digits: no precision the source had is
 *       dropped, and a whole-yen amount still converts to cents;</li>
 *   <li>a rate older than {@link #MAX_AGE_DAYS} days before the date is not used (a stale rate is a missing one).</li>
 * </ul>
 */
public final class FxConverter {

    public static final int MAX_AGE_DAYS = 31;

    private final String version;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byPair = new TreeMap<>();

    public FxConverter(String version, Collection<FxRate> rates) {
        this.version = version;
        for (FxRate r : rates) {
            if (r.rate().signum() <= 0) throw new IllegalArgumentException("rates must be positive");
            byPair.computeIfAbsent(r.base() + "/" + r.quote(), k -> new TreeMap<>()).put(r.date(), r.rate());
        }
    }

    public String version() {
        return version;
    }

    /** @throws MissingRateException when the set has no usable rate for the pair on that date */
    public Conversion convert(BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) throw new IllegalArgumentException("nothing to convert: " + from + " to itself");
        NavigableMap<LocalDate, BigDecimal> rates = byPair.get(from + "/" + to);
        Map.Entry<LocalDate, BigDecimal> rate = rates == null ? null : rates.floorEntry(date);
        if (rate == null) throw new MissingRateException(from, to, date, "rate set " + version);
        if (rate.getKey().plusDays(MAX_AGE_DAYS).isBefore(date)) {
            throw new MissingRateException(from, to, date, "latest rate is of " + rate.getKey() + ", more than " + MAX_AGE_DAYS + " days older");
        }
        return new Conversion(amount, from, convert(amount, rate.getValue(), to), to, rate.getValue(), rate.getKey(), version);
    }

    static BigDecimal convert(BigDecimal amount, BigDecimal rate, String to) {
        int scale = Math.max(amount.scale(), Math.max(MinorUnits.digits(to), 0));
        return amount.multiply(rate).setScale(scale, MinorUnits.ROUNDING);
    }
}
