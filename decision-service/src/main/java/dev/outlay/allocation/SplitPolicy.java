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
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a shared-cost pool is split, as the rule set's {@code splitPolicy} table decides it: {@code proportional} to
 * the owners' direct usage cost, or {@code fixed} ratios per team. The ratios are relative weights (50/30/20 and
 * 0.5/0.3/0.2 are the same policy), so an admin never has to make them add up to 100.
 */
public record SplitPolicy(String pool, Method method, SortedMap<String, BigDecimal> ratios, String ruleId) {

    public enum Method { proportional, fixed }

    public static SplitPolicy proportional(String pool) {
        return new SplitPolicy(pool, Method.proportional, new TreeMap<>(), null);
    }

    /** Reads the {@code splitPolicy} decision output; anything but a usable fixed policy falls back to proportional. */
    public static SplitPolicy of(String pool, Object decision) {
        if (!(decision instanceof Map<?, ?> d)) return proportional(pool);
        String ruleId = d.get("ruleId") == null ? null : d.get("ruleId").toString();
        if (!"fixed".equals(d.get("method"))) return new SplitPolicy(pool, Method.proportional, new TreeMap<>(), ruleId);
        TreeMap<String, BigDecimal> ratios = new TreeMap<>();
        if (d.get("ratios") instanceof Map<?, ?> r) {
            for (Map.Entry<?, ?> e : r.entrySet()) {
                BigDecimal w = e.getValue() instanceof BigDecimal b ? b : e.getValue() == null ? null : new BigDecimal(e.getValue().toString());
                if (w == null) continue;
                if (w.signum() < 0) throw new IllegalArgumentException("split policy " + ruleId + " of pool '" + pool + "' has a negative ratio for " + e.getKey());
                String team = TagKeys.normalizeValue(String.valueOf(e.getKey()));
                if (team == null) throw new IllegalArgumentException("split policy " + ruleId + " of pool '" + pool + "' names no team: '" + e.getKey() + "'");
                if (w.signum() > 0) ratios.merge(team, w, BigDecimal::add);
            }
        }
        if (ratios.isEmpty()) throw new IllegalArgumentException("split policy " + ruleId + " of pool '" + pool + "' is fixed but has no positive ratios");
        return new SplitPolicy(pool, Method.fixed, ratios, ruleId);
    }
}
