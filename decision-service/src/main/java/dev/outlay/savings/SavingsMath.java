/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opportunity without double counting and realized savings bounded by the baseline.
 *
 * <p>Opportunity: a resource is credited to one open finding per currency only, the one whose action removes most
 * of it: DELETE/RELEASE before STOP before SCHEDULE before RESIZE/DOWNGRADE_HA/MIGRATE before REVIEW (then the larger
 * expected saving, then the finding id). Several detectors flagging one volume (unattached, gp2) count once.
 *
 * <p>Realized: daily = clamp(baseline − post-window average, 0, baseline); realized = daily × post days; status
 * FULL when the resource billed nothing after the settle window, PARTIAL when it still billed, PENDING before
 * the ledger covers any post day.
 *
 * <p>A resize (RESIZE, DOWNGRADE_HA, MIGRATE) changes the price of an hour, not the hours: when the resource has
 * hour-metered rows before and after, realized = (rate before − rate after) × hours after, each rate = cost ÷ hours
 * of those rows, bounded by [0, baseline × post days] (method PER_HOUR). So a resized instance that also ran fewer
 * hours is not credited with the hours it did not run (that is not what the resize saved). Without hours on both
 * sides (a volume billed per GB-month, a resource gone) it is compared per day like a delete (PER_DAY).
 */
public final class SavingsMath {

    public static final int SCALE = 10;
    static final List<String> PRIORITY = List.of("DELETE", "RELEASE", "STOP", "SCHEDULE", "RESIZE", "DOWNGRADE_HA", "MIGRATE", "REVIEW");

    public record Realized(ActionedFinding finding, BigDecimal postDaily, BigDecimal realizedDaily, BigDecimal realized, String status,
                           String method) {
    }

    public static final String PER_DAY = "PER_DAY";
    public static final String PER_HOUR = "PER_HOUR";
    /** Actions that change what an hour costs rather than whether it is billed. */
    static final java.util.Set<String> RATE_NORMALIZED = java.util.Set.of("RESIZE", "DOWNGRADE_HA", "MIGRATE");

    private SavingsMath() {
    }

    static int rank(String action) {
        int i = PRIORITY.indexOf(action);
        return i < 0 ? PRIORITY.size() : i;
    }

    /** The findings that count, one per (resource, currency), and the ones left out as overlapping. */
    public static List<OpenFinding> dedupe(List<OpenFinding> open) {
        Map<String, OpenFinding> kept = new TreeMap<>();
        Comparator<OpenFinding> better = Comparator.<OpenFinding>comparingInt(f -> rank(f.action()))
                .thenComparing(OpenFinding::expected, Comparator.reverseOrder())
                .thenComparing(OpenFinding::findingId);
        for (OpenFinding f : open) {
            String key = f.resourceId() + "\u0000" + f.currency();
            OpenFinding prev = kept.get(key);
            if (prev == null || better.compare(f, prev) < 0) kept.put(key, f);
        }
        List<OpenFinding> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparing(OpenFinding::findingId));
        return out;
    }

    public static Realized realized(ActionedFinding f) {
        if (f.postDays() <= 0) return new Realized(f, null, null, BigDecimal.ZERO.setScale(SCALE), "PENDING", PER_DAY);
        BigDecimal days = BigDecimal.valueOf(f.postDays());
        BigDecimal postDaily = f.postCost().divide(days, SCALE, RoundingMode.HALF_EVEN);
        String status = f.postCost().signum() == 0 ? "FULL" : "PARTIAL";
        if (RATE_NORMALIZED.contains(f.action()) && hasHours(f.hoursBefore()) && hasHours(f.hoursAfter())) {
            BigDecimal before = f.hoursBefore().cost().divide(f.hoursBefore().hours(), SCALE, RoundingMode.HALF_EVEN);
            BigDecimal after = f.hoursAfter().cost().divide(f.hoursAfter().hours(), SCALE, RoundingMode.HALF_EVEN);
            BigDecimal cap = f.baselineDaily().max(BigDecimal.ZERO).multiply(days);
            BigDecimal total = before.subtract(after).multiply(f.hoursAfter().hours()).max(BigDecimal.ZERO).min(cap)
                    .setScale(SCALE, RoundingMode.HALF_EVEN);
            return new Realized(f, postDaily, total.divide(days, SCALE, RoundingMode.HALF_EVEN), total, status, PER_HOUR);
        }
        BigDecimal daily = f.baselineDaily().subtract(postDaily).max(BigDecimal.ZERO).min(f.baselineDaily()).setScale(SCALE, RoundingMode.HALF_EVEN);
        BigDecimal total = daily.multiply(days).setScale(SCALE, RoundingMode.HALF_EVEN);
        return new Realized(f, postDaily, daily, total, status, PER_DAY);
    }

    private static boolean hasHours(ActionedFinding.HourlyUsage u) {
        return u != null && u.hours() != null && u.hours().signum() > 0;
    }
}
