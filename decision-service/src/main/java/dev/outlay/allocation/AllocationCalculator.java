package dev.outlay.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns rule outcomes per charge group into statement lines. Owned groups are direct cost; groups the rules
 * mark {@code shared} are pooled and split over the owners proportionally to their direct usage cost in the same
 * period (exact to the smallest unit, see {@link ShareSplitter}); groups without an owner stay unallocated with
 * the rules' reason. Nothing is dropped, so lines always add up to the period's effective cost.
 */
public final class AllocationCalculator {

    public static final String SHARED = "shared";
    public static final String UNALLOCATED = "unallocated";

    private AllocationCalculator() {
    }

    /** {@code outputs} holds the rules' answer per group (same order): team, product, environment, costCenter, ruleId, reason. */
    public static AllocationOutcome calculate(List<ChargeGroup> groups, List<Map<String, Object>> outputs) {
        if (groups.size() != outputs.size()) throw new IllegalArgumentException("one rule outcome per group is required");
        TreeMap<Owner, BigDecimal> direct = new TreeMap<>();
        TreeMap<Owner, BigDecimal> usageWeights = new TreeMap<>();
        TreeMap<String, BigDecimal> unallocated = new TreeMap<>();
        BigDecimal pool = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        List<AllocationOutcome.GroupResult> results = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
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
                results.add(new AllocationOutcome.GroupResult(g, Owner.UNALLOCATED, ruleId, AllocationOutcome.Kind.unallocated, why));
            } else if (t.equals(SHARED)) {
                pool = pool.add(g.effectiveCost());
                results.add(new AllocationOutcome.GroupResult(g, null, ruleId, AllocationOutcome.Kind.shared, reason));
            } else {
                Owner owner = Owner.of(team, out.get("product"), out.get("environment"), out.get("costCenter"));
                direct.merge(owner, g.effectiveCost(), BigDecimal::add);
                if ("Usage".equalsIgnoreCase(g.dimension("chargeCategory"))) usageWeights.merge(owner, g.effectiveCost(), BigDecimal::add);
                results.add(new AllocationOutcome.GroupResult(g, owner, ruleId, AllocationOutcome.Kind.direct, reason));
            }
        }
        usageWeights.values().removeIf(w -> w.signum() <= 0);
        Map<Owner, BigDecimal> shares = Map.of();
        if (pool.signum() != 0) {
            if (usageWeights.isEmpty()) {
                unallocated.merge("shared cost with no usage owners to split over", pool, BigDecimal::add);
            } else {
                shares = ShareSplitter.split(pool, usageWeights);
            }
        }
        List<AllocationOutcome.Line> lines = new ArrayList<>();
        TreeMap<Owner, Boolean> owners = new TreeMap<>();
        direct.keySet().forEach(o -> owners.put(o, true));
        shares.keySet().forEach(o -> owners.put(o, true));
        BigDecimal allocated = BigDecimal.ZERO;
        for (Owner o : owners.keySet()) {
            BigDecimal d = direct.getOrDefault(o, BigDecimal.ZERO);
            BigDecimal s = shares.getOrDefault(o, BigDecimal.ZERO);
            lines.add(new AllocationOutcome.Line(o, d, s, d.add(s), null));
            allocated = allocated.add(d).add(s);
        }
        for (Map.Entry<String, BigDecimal> u : unallocated.entrySet()) {
            lines.add(new AllocationOutcome.Line(Owner.UNALLOCATED, u.getValue(), BigDecimal.ZERO, u.getValue(), u.getKey()));
        }
        BigDecimal coverage = total.signum() == 0 ? BigDecimal.ZERO
                : allocated.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN);
        return new AllocationOutcome(total, allocated, coverage, lines, results);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
