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
 */
public final class SavingsMath {

    public static final int SCALE = 10;
    static final List<String> PRIORITY = List.of("DELETE", "RELEASE", "STOP", "SCHEDULE", "RESIZE", "DOWNGRADE_HA", "MIGRATE", "REVIEW");

    public record Realized(ActionedFinding finding, BigDecimal postDaily, BigDecimal realizedDaily, BigDecimal realized, String status) {
    }

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
        if (f.postDays() <= 0) return new Realized(f, null, null, BigDecimal.ZERO.setScale(SCALE), "PENDING");
        BigDecimal postDaily = f.postCost().divide(BigDecimal.valueOf(f.postDays()), SCALE, RoundingMode.HALF_EVEN);
        BigDecimal daily = f.baselineDaily().subtract(postDaily).max(BigDecimal.ZERO).min(f.baselineDaily()).setScale(SCALE, RoundingMode.HALF_EVEN);
        BigDecimal total = daily.multiply(BigDecimal.valueOf(f.postDays())).setScale(SCALE, RoundingMode.HALF_EVEN);
        return new Realized(f, postDaily, daily, total, f.postCost().signum() == 0 ? "FULL" : "PARTIAL");
    }
}
