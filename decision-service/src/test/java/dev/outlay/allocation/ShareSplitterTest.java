/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShareSplitterTest {

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource(delimiter = ';', value = {
            "100.00;1,1,1",
            "0.01;1,1,1",
            "-250.0000000001;3,5,7,11",
            "1234.5678901234;0.1,0.2,0.7",
            "0;2,3",
            "99999999.99;1,0,1"})
    void sharesAddUpExactly(String amount, String weights) {
        TreeMap<String, BigDecimal> w = new TreeMap<>();
        String[] ws = weights.split(",");
        for (int i = 0; i < ws.length; i++) w.put("owner-" + i, new BigDecimal(ws[i]));
        Map<String, BigDecimal> shares = ShareSplitter.split(new BigDecimal(amount), w);
        BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(new BigDecimal(amount)), "shares " + shares);
        assertEquals(shares, ShareSplitter.split(new BigDecimal(amount), w), "deterministic");
    }

    @Test
    void proportionalAndRemainderToTheLargestFraction() {
        TreeMap<String, BigDecimal> w = new TreeMap<>(Map.of("a", new BigDecimal("1"), "b", new BigDecimal("2")));
        Map<String, BigDecimal> shares = ShareSplitter.split(new BigDecimal("10.00"), w);
        assertEquals(new BigDecimal("3.33"), shares.get("a"));
        assertEquals(new BigDecimal("6.67"), shares.get("b"));
    }

    @Test
    void refusesNegativeOrZeroWeights() {
        assertThrows(IllegalArgumentException.class, () -> ShareSplitter.split(BigDecimal.TEN, new TreeMap<>(Map.of("a", new BigDecimal("-1"), "b", BigDecimal.ONE))));
        assertThrows(IllegalArgumentException.class, () -> ShareSplitter.split(BigDecimal.TEN, new TreeMap<>(Map.of("a", BigDecimal.ZERO))));
        assertThrows(IllegalArgumentException.class, () -> ShareSplitter.split(BigDecimal.TEN, new TreeMap<String, BigDecimal>()));
    }
}
