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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits one shared-cost pool over owners by its policy, exactly to the smallest unit. Fixed ratios first go to
 * teams; each team's part is then spread over that team's usage owners (so product and environment stay
 * meaningful), or kept on the bare team when it had no usage in the period. Every step is a largest-remainder
 * split, so the parts always add up to the pool.
 */
public final class PoolSplitter {

    private PoolSplitter() {
    }

    /** {@code usage} holds the positive direct usage cost per owner; empty result means nobody to split over. */
    public static Map<Owner, BigDecimal> split(BigDecimal amount, SplitPolicy policy, SortedMap<Owner, BigDecimal> usage) {
        if (policy.method() == SplitPolicy.Method.proportional) {
            return usage.isEmpty() ? Map.of() : ShareSplitter.split(amount, usage);
        }
        Map<Owner, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> team : ShareSplitter.split(amount, policy.ratios()).entrySet()) {
            TreeMap<Owner, BigDecimal> owners = new TreeMap<>();
            usage.forEach((o, w) -> {
                if (o.team().equals(team.getKey())) owners.put(o, w);
            });
            Map<Owner, BigDecimal> parts = owners.isEmpty() ? Map.of(Owner.of(team.getKey(), null, null, null), team.getValue())
                    : ShareSplitter.split(team.getValue(), owners);
            parts.forEach((o, v) -> out.merge(o, v, BigDecimal::add));
        }
        return out;
    }
}
