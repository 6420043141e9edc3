/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits an amount over owners by weights so that the shares add up to the amount exactly (largest-remainder
 * method in units of the amount's own scale). Deterministic: ties go to the owner that sorts first.
 * Works for negative amounts (credits) and negative weights are refused.
 */
public final class ShareSplitter {

    private ShareSplitter() {
    }

    public static <K extends Comparable<K>> Map<K, BigDecimal> split(BigDecimal amount, SortedMap<K, BigDecimal> weights) {
        if (weights.isEmpty()) throw new IllegalArgumentException("no owners to split over");
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights.values()) {
            if (w.signum() < 0) throw new IllegalArgumentException("split weights must not be negative");
            total = total.add(w);
        }
        if (total.signum() == 0) throw new IllegalArgumentException("split weights add up to zero");
        int scale = Math.max(amount.scale(), 2);
        BigInteger units = amount.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        boolean negative = units.signum() < 0;
        BigInteger absUnits = units.abs();

        record Part<K>(K key, BigInteger floor, BigDecimal remainder) {
        }
        List<Part<K>> parts = new ArrayList<>();
        BigInteger assigned = BigInteger.ZERO;
        BigDecimal absUnitsDec = new BigDecimal(absUnits);
        for (Map.Entry<K, BigDecimal> e : weights.entrySet()) {
            BigDecimal exact = absUnitsDec.multiply(e.getValue()).divide(total, 20, RoundingMode.DOWN);
            BigInteger floor = exact.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            parts.add(new Part<>(e.getKey(), floor, exact.subtract(new BigDecimal(floor))));
            assigned = assigned.add(floor);
        }
        int leftover = absUnits.subtract(assigned).intValueExact();
        List<Part<K>> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.<Part<K>, BigDecimal>comparing(Part::remainder).reversed().thenComparing(Part::key));
        Map<K, BigInteger> result = new LinkedHashMap<>();
        for (Part<K> p : parts) result.put(p.key(), p.floor());
        for (int i = 0; i < leftover; i++) {
            K k = byRemainder.get(i % byRemainder.size()).key();
            result.put(k, result.get(k).add(BigInteger.ONE));
        }
        Map<K, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<K, BigInteger> e : result.entrySet()) {
            BigInteger u = negative ? e.getValue().negate() : e.getValue();
            out.put(e.getKey(), new BigDecimal(u, scale));
        }
        return out;
    }
}
