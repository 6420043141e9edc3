/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SavingsMathTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static OpenFinding open(String id, String resource, String action, String expected) {
        return new OpenFinding(id, resource, "web", "detector-" + id, action, "USD", d(expected).multiply(d("0.5")), d(expected), d(expected).multiply(d("2")));
    }

    @Test
    void aResourceCountsForOneFindingOnly() {
        List<OpenFinding> kept = SavingsMath.dedupe(List.of(
                // the unattached gp2 volume: deleting it removes 50; migrating it to gp3 would save 10 of the same cost
                open("f1", "vol-1", "MIGRATE", "10"),
                open("f2", "vol-1", "DELETE", "50"),
                // two resize findings on one instance: the larger one counts
                open("f3", "i-1", "RESIZE", "20"),
                open("f4", "i-1", "RESIZE", "35"),
                open("f5", "i-2", "STOP", "7")));
        assertEquals(List.of("f2", "f4", "f5"), kept.stream().map(OpenFinding::findingId).toList());
        // opportunity 50 + 35 + 7 = 92, not 122
        assertEquals(0, d("92").compareTo(kept.stream().map(OpenFinding::expected).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void realizedIsBoundedByTheBaseline() {
        LocalDate on = LocalDate.parse("2024-10-01");
        // deleted: baseline 10/day, nothing billed over 30 post days → 10 × 30 = 300, FULL
        SavingsMath.Realized deleted = SavingsMath.realized(new ActionedFinding("a", "vol-1", "web", "DELETE", on, "USD", d("10"), d("0"), 30));
        assertEquals(0, d("300").compareTo(deleted.realized()));
        assertEquals("FULL", deleted.status());
        // resized: 10/day before, 90 over 30 days after = 3/day → 7/day × 30 = 210, PARTIAL
        SavingsMath.Realized resized = SavingsMath.realized(new ActionedFinding("b", "i-1", "web", "RESIZE", on, "USD", d("10"), d("90"), 30));
        assertEquals(0, d("210").compareTo(resized.realized()));
        assertEquals(0, d("3").compareTo(resized.postDaily()));
        assertEquals("PARTIAL", resized.status());
        // cost went up after the action: no negative savings
        SavingsMath.Realized worse = SavingsMath.realized(new ActionedFinding("c", "i-2", "web", "RESIZE", on, "USD", d("10"), d("600"), 30));
        assertEquals(0, BigDecimal.ZERO.compareTo(worse.realized()));
        // still inside the settle window: pending, nothing claimed
        SavingsMath.Realized pending = SavingsMath.realized(new ActionedFinding("e", "i-3", "web", "STOP", on, "USD", d("10"), d("0"), 0));
        assertEquals("PENDING", pending.status());
        assertNull(pending.postDaily());
        assertEquals(0, BigDecimal.ZERO.compareTo(pending.realized()));
    }

    @Test
    void aResizeIsRateNormalizedPerRunningHour() {
        LocalDate on = LocalDate.parse("2024-10-01");
        // before: 720 h for 720.00 (1.00/h), baseline 24/day; after 30 days: 300 h at 0.40/h = 120.00
        // per hour: (1.00 − 0.40) × 300 = 180; per day it would be (24 − 4) × 30 = 600 (the 420 h it no longer ran)
        ActionedFinding f = new ActionedFinding("r", "i-1", "web", "RESIZE", on, "USD", d("24"), d("120"), 30,
                new ActionedFinding.HourlyUsage(d("720"), d("720")), new ActionedFinding.HourlyUsage(d("120"), d("300")));
        SavingsMath.Realized r = SavingsMath.realized(f);
        assertEquals(0, d("180").compareTo(r.realized()), r.toString());
        assertEquals(0, d("6").compareTo(r.realizedDaily()));
        assertEquals(SavingsMath.PER_HOUR, r.method());
        // a rate that went up: bounded at zero
        ActionedFinding up = new ActionedFinding("u", "i-2", "web", "MIGRATE", on, "USD", d("24"), d("900"), 30,
                new ActionedFinding.HourlyUsage(d("720"), d("720")), new ActionedFinding.HourlyUsage(d("900"), d("720")));
        assertEquals(0, BigDecimal.ZERO.compareTo(SavingsMath.realized(up).realized()));
        // bounded by the baseline: 10/day baseline, a claimed rate drop of 2.00/h over 720 h (1440) is capped at 10 × 30 = 300
        ActionedFinding capped = new ActionedFinding("c", "i-3", "web", "RESIZE", on, "USD", d("10"), d("0.72"), 30,
                new ActionedFinding.HourlyUsage(d("1440.72"), d("720")), new ActionedFinding.HourlyUsage(d("0.72"), d("720")));
        assertEquals(0, d("300").compareTo(SavingsMath.realized(capped).realized()));
        // no hours after (a volume, or the resource gone): per day, as a delete
        ActionedFinding gone = new ActionedFinding("g", "vol-1", "web", "MIGRATE", on, "USD", d("10"), d("0"), 30,
                new ActionedFinding.HourlyUsage(d("0"), d("0")), new ActionedFinding.HourlyUsage(d("0"), d("0")));
        assertEquals(SavingsMath.PER_DAY, SavingsMath.realized(gone).method());
        assertEquals(0, d("300").compareTo(SavingsMath.realized(gone).realized()));
    }
}
