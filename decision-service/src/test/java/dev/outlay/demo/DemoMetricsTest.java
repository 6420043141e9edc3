/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.economics.MetricValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoMetricsTest {

    @Test
    void valuesAreDeterministicWithAWeekendDipAndGrowth() {
        List<MetricValue> v = DemoMetrics.requests(LocalDate.parse("2026-11-30"), 10);
        assertEquals(50, v.size());
        assertEquals(v, DemoMetrics.requests(LocalDate.parse("2026-11-30"), 10));
        // checkout: day 0 is 2026-11-21, a Saturday: 120000 * 1000/1000 * 65/100
        assertEquals(LocalDate.parse("2026-11-21"), v.get(0).day());
        assertEquals("checkout", v.get(0).scopeValue());
        assertEquals(0, new BigDecimal("78000").compareTo(v.get(0).value()));
        // 2026-11-23, a Monday, day 2: 120000 * 1002 / 1000 = 120240
        assertEquals(0, new BigDecimal("120240").compareTo(v.get(2).value()));
    }
}
