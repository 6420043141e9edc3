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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns rule outcomes per charge group into statement lines, one currency at a time. Owned groups are direct cost; groups the rules
 * mark {@code shared} go into the pool their product names and each pool is split over the owners by its
 * {@link SplitPolicy} (proportional to direct usage cost in the same period, or fixed ratios; exact to the smallest
 * unit, see {@link PoolSplitter}); groups without an owner stay unallocated with the rules' reason. Nothing is
 * dropped, so lines always add up to the period's effective cost.
 */
public final class AllocationCalculator {

    public static final String SHARED = "shared";
    public static final String UNALLOCATED = "unallocated";

    private AllocationCalculator() {
    }

    /** Every pool split proportionally: what a rule set without split policies means. */
    public static AllocationOutcome calculate(List<ChargeGroup> groups, List<Map<String, Object>> outputs) {
        return calculate(groups, outputs, Map.of());
    }

    /**
     * {@code outputs} holds the rules' answer per group (same order): team, product, environment, costCenter, ruleId,
     * reason; {@code policies} the split policy per pool name (a pool without one is split proportionally). Each
     * currency is allocated on its own: a pool in EUR is split by the EUR usage of the period, never by USD usage,
     * since weighing one currency's spend against another's would need an exchange rate the rules never saw.
     */
    public static AllocationOutcome calculate(List<ChargeGroup> groups, List<Map<String, Object>> outputs, Map<String, SplitPolicy> policies) {
        if (groups.size() != outputs.size()) throw new IllegalArgumentException("one rule outcome per group is required");
        AllocationOutcome.GroupResult[] results = new AllocationOutcome.GroupResult[groups.size()];
        TreeMap<String, List<Integer>> byCurrency = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String currency = groups.get(i).currency();
            if (currency == null || currency.isBlank()) throw new IllegalArgumentException("charge group without a currency");
            byCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(i);
        }
        List<AllocationOutcome.CurrencyTotal> totals = new ArrayList<>();
        List<AllocationOutcome.Line> lines = new ArrayList<>();
        List<AllocationOutcome.Pool> pools = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> c : byCurrency.entrySet()) {
            totals.add(calculate(c.getKey(), c.getValue(), groups, outputs, policies, results, lines, pools));
        }
        return new AllocationOutcome(List.copyOf(totals), List.copyOf(lines), List.of(results), List.copyOf(pools));
    }

    private static AllocationOutcome.CurrencyTotal calculate(String currency, List<Integer> indexes, List<ChargeGroup> groups,
                                                             List<Map<String, Object>> outputs, Map<String, SplitPolicy> policies,
                                                             AllocationOutcome.GroupResult[] results, List<AllocationOutcome.Line> lines,
                                                             List<AllocationOutcome.Pool> poolResults) {
        TreeMap<Owner, BigDecimal> direct = new TreeMap<>();
        TreeMap<Owner, BigDecimal> usageWeights = new TreeMap<>();
        TreeMap<String, BigDecimal> unallocated = new TreeMap<>();
        TreeMap<String, BigDecimal> pools = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i : indexes) {
            ChargeGroup g = groups.get(i);
            Map<String, Object> out = outputs.get(i);
            total = total.add(g.effectiveCost());
            Object team = out == null ? null : out.get("team");
            String ruleId = out == null ? null : str(out.get("ruleId"));
            String reason = out == null ? "no rule outcome" : str(out.get("reason"));
            String t = team == null ? "" : team.toString().trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.equals(UNALLOCATED)) {
                String why = reason == null || reason.isBlank() ? "no rule matched" : reason;
                unallocated.merge(why, g.effectiveCost(), BigDecimal::add);
                results[i] = new AllocationOutcome.GroupResult(g, Owner.UNALLOCATED, ruleId, AllocationOutcome.Kind.unallocated, why);
            } else if (t.equals(SHARED)) {
                pools.merge(poolOf(out), g.effectiveCost(), BigDecimal::add);
                results[i] = new AllocationOutcome.GroupResult(g, null, ruleId, AllocationOutcome.Kind.shared, reason);
            } else {
                Owner owner = Owner.of(team, out.get("product"), out.get("environment"), out.get("costCenter"));
                direct.merge(owner, g.effectiveCost(), BigDecimal::add);
                if ("Usage".equalsIgnoreCase(g.dimension("chargeCategory"))) usageWeights.merge(owner, g.effectiveCost(), BigDecimal::add);
                results[i] = new AllocationOutcome.GroupResult(g, owner, ruleId, AllocationOutcome.Kind.direct, reason);
            }
        }
        usageWeights.values().removeIf(w -> w.signum() <= 0);
        TreeMap<Owner, BigDecimal> shares = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> p : pools.entrySet()) {
            SplitPolicy policy = policies.getOrDefault(p.getKey(), SplitPolicy.proportional(p.getKey()));
            poolResults.add(new AllocationOutcome.Pool(p.getKey(), currency, policy.method().name(), policy.ratios(), policy.ruleId(), p.getValue()));
            if (p.getValue().signum() == 0) continue;
            Map<Owner, BigDecimal> parts = PoolSplitter.split(p.getValue(), policy, usageWeights);
            if (parts.isEmpty()) {
                unallocated.merge("shared cost (" + p.getKey() + ") with no usage owners to split over", p.getValue(), BigDecimal::add);
            } else {
                parts.forEach((o, v) -> shares.merge(o, v, BigDecimal::add));
            }
        }
        TreeMap<Owner, Boolean> owners = new TreeMap<>();
        direct.keySet().forEach(o -> owners.put(o, true));
        shares.keySet().forEach(o -> owners.put(o, true));
        BigDecimal allocated = BigDecimal.ZERO;
        for (Owner o : owners.keySet()) {
            BigDecimal d = direct.getOrDefault(o, BigDecimal.ZERO);
            BigDecimal s = shares.getOrDefault(o, BigDecimal.ZERO);
            lines.add(new AllocationOutcome.Line(o, currency, d, s, d.add(s), null));
            allocated = allocated.add(d).add(s);
        }
        for (Map.Entry<String, BigDecimal> u : unallocated.entrySet()) {
            lines.add(new AllocationOutcome.Line(Owner.UNALLOCATED, currency, u.getValue(), BigDecimal.ZERO, u.getValue(), u.getKey()));
        }
        BigDecimal coverage = total.signum() == 0 ? BigDecimal.ZERO
                : allocated.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN);
        return new AllocationOutcome.CurrencyTotal(currency, total, allocated, coverage);
    }

    /** A shared row's product names its pool; rows that name none share one pool called "shared". */
    public static String poolOf(Map<String, Object> out) {
        String p = str(out.get("product"));
        return p == null || p.isBlank() ? SHARED : p.trim().toLowerCase(Locale.ROOT);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
