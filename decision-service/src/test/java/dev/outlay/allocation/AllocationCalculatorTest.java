/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Split policies without HTTP: fixed ratios land exactly, and every cent of a period with credits and negative rows stays. */
class AllocationCalculatorTest {

    private final List<ChargeGroup> groups = new ArrayList<>();
    private final List<Map<String, Object>> outputs = new ArrayList<>();

    private void row(String category, String cost, String team, String product, String env) {
        row("EUR", category, cost, team, product, env);
    }

    private void row(String currency, String category, String cost, String team, String product, String env) {
        groups.add(new ChargeGroup(Map.of("chargeCategory", category, "serviceName", "svc-" + groups.size()), LocalDate.of(2024, 10, 3),
                currency, new BigDecimal(cost), 1));
        Map<String, Object> out = new HashMap<>();
        out.put("team", team);
        out.put("product", product);
        out.put("environment", env);
        out.put("costCenter", "CC-" + team);
        out.put("ruleId", "AL-T");
        out.put("reason", team.equals("unallocated") ? "no rule matched" : "test");
        outputs.add(out);
    }

    private void ledger() {
        row("Usage", "100.1234567890", "payments", "checkout", "prod");
        row("Usage", "20.00", "payments", "checkout", "staging");
        row("Usage", "30.00", "web", "storefront", "prod");
        row("Usage", "-1.11", "web", "storefront", "prod");      // a correction row
        row("Credit", "-5.00", "payments", "checkout", "prod");  // a credit owned by its team
        row("Usage", "12.34", "unallocated", "unallocated", "unknown");
    }

    private static SplitPolicy fixed(String pool, Map<String, String> ratios) {
        Map<String, Object> d = new HashMap<>();
        d.put("method", "fixed");
        d.put("ruleId", "SP-T");
        Map<String, Object> r = new TreeMap<>();
        ratios.forEach((k, v) -> r.put(k, new BigDecimal(v)));
        d.put("ratios", r);
        return SplitPolicy.of(pool, d);
    }

    private static BigDecimal total(List<ChargeGroup> groups) {
        return groups.stream().map(ChargeGroup::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sharedOf(AllocationOutcome o, String team) {
        return o.lines().stream().filter(l -> l.owner().team().equals(team)).map(AllocationOutcome.Line::shared).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertConserved(AllocationOutcome o, List<ChargeGroup> groups) {
        BigDecimal lines = o.lines().stream().map(AllocationOutcome.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, total(groups).compareTo(lines), "lines must add up to the ledger: " + o.lines());
        assertEquals(0, total(groups).compareTo(o.in("EUR").orElseThrow().total()));
        for (AllocationOutcome.Line l : o.lines()) assertEquals(0, l.direct().add(l.shared()).compareTo(l.total()), l.toString());
    }

    @Test
    void fixedRatiosGiveExactlyTheRatiosAndKeepEveryCent() {
        ledger();
        row("Usage", "6.00", "shared", "support", "shared");
        row("Usage", "4.00", "shared", "support", "shared");
        AllocationOutcome o = AllocationCalculator.calculate(groups, outputs,
                Map.of("support", fixed("support", Map.of("payments", "50", "data", "30", "web", "20"))));
        assertConserved(o, groups);
        assertEquals(0, new BigDecimal("5.00").compareTo(sharedOf(o, "payments")));
        assertEquals(0, new BigDecimal("3.00").compareTo(sharedOf(o, "data")), "a team without usage keeps its part on the bare team");
        assertEquals(0, new BigDecimal("2.00").compareTo(sharedOf(o, "web")));
        // within payments the part follows usage: prod 100.12… vs staging 20.00 (the credit is not usage)
        BigDecimal prod = o.lines().stream().filter(l -> l.owner().equals(new Owner("payments", "checkout", "prod", "CC-payments")))
                .findFirst().orElseThrow().shared();
        assertEquals(0, new BigDecimal("4.17").compareTo(prod), "5.00 × 100.12…/120.12… = 4.1675, in cents with the leftover cent");
        AllocationOutcome.Pool pool = o.pools().get(0);
        assertEquals("fixed", pool.method());
        assertEquals(0, new BigDecimal("10.00").compareTo(pool.amount()));
    }

    @Test
    void unevenAndNegativePoolsStillAddUpToTheCent() {
        ledger();
        row("Usage", "10.01", "shared", "support", "shared");
        row("Tax", "-0.07", "shared", "tax", "shared");          // a tax refund, split proportionally
        row("Credit", "-3.333", "shared", "support", "shared");
        AllocationOutcome o = AllocationCalculator.calculate(groups, outputs,
                Map.of("support", fixed("support", Map.of("payments", "0.5", "data", "0.3", "web", "0.2"))));
        assertConserved(o, groups);
        BigDecimal shared = o.lines().stream().map(AllocationOutcome.Line::shared).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("6.607").compareTo(shared), "both pools are split completely");
        assertEquals(0, new BigDecimal("2.003").compareTo(sharedOf(o, "data")), "30% of 6.677 at the pool's scale; the leftover unit goes to the largest remainder (payments)");
        assertEquals(2, o.pools().size());
    }

    @Test
    void poolsWithoutAPolicyAreProportionalAndAPoolWithNobodyStaysUnallocated() {
        row("Tax", "8.88", "shared", "tax", "shared");
        row("Usage", "3.00", "unallocated", "unallocated", "unknown");
        AllocationOutcome o = AllocationCalculator.calculate(groups, outputs);
        assertConserved(o, groups);
        assertEquals(0, BigDecimal.ZERO.compareTo(o.in("EUR").orElseThrow().allocated()));
        assertTrue(o.lines().stream().anyMatch(l -> l.reason() != null && l.reason().contains("(tax)")), o.lines().toString());
    }

    @Test
    void eachCurrencyIsAllocatedOnItsOwnAndItsPoolsSplitByItsOwnUsage() {
        row("EUR", "Usage", "80.00", "payments", "checkout", "prod");
        row("EUR", "Usage", "20.00", "web", "storefront", "prod");
        row("EUR", "Tax", "10.00", "shared", "tax", "shared");
        row("USD", "Usage", "50.00", "web", "storefront", "prod");
        row("USD", "Tax", "5.00", "shared", "tax", "shared");
        row("USD", "Usage", "1.00", "unallocated", "unallocated", "unknown");
        AllocationOutcome o = AllocationCalculator.calculate(groups, outputs);
        assertEquals(List.of("EUR", "USD"), o.currencies().stream().map(AllocationOutcome.CurrencyTotal::currency).toList());
        AllocationOutcome.CurrencyTotal eur = o.in("EUR").orElseThrow();
        AllocationOutcome.CurrencyTotal usd = o.in("USD").orElseThrow();
        assertEquals(0, new BigDecimal("110.00").compareTo(eur.total()));
        assertEquals(0, new BigDecimal("56.00").compareTo(usd.total()));
        assertEquals(0, new BigDecimal("100.00").compareTo(eur.coveragePct()));
        assertEquals(0, new BigDecimal("98.21").compareTo(usd.coveragePct()), "55 of 56 USD has an owner");
        // The EUR tax follows EUR usage only (80:20); the USD tax goes all to web, the only USD usage owner.
        BigDecimal paymentsEur = o.lines().stream().filter(l -> l.currency().equals("EUR") && l.owner().team().equals("payments"))
                .map(AllocationOutcome.Line::shared).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal webUsd = o.lines().stream().filter(l -> l.currency().equals("USD") && l.owner().team().equals("web"))
                .map(AllocationOutcome.Line::shared).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("8.00").compareTo(paymentsEur));
        assertEquals(0, new BigDecimal("5.00").compareTo(webUsd));
        assertTrue(o.lines().stream().noneMatch(l -> l.currency().equals("USD") && l.owner().team().equals("payments")),
                "payments spent no USD, so no USD pool reaches it: " + o.lines());
        for (String c : List.of("EUR", "USD")) {
            BigDecimal lines = o.lines().stream().filter(l -> l.currency().equals(c)).map(AllocationOutcome.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, o.in(c).orElseThrow().total().compareTo(lines), c + " lines add up to the " + c + " ledger");
        }
        assertEquals(2, o.pools().size(), "one tax pool per currency");
    }

    @Test
    void aFixedPolicyWithoutPositiveRatiosIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fixed("support", Map.of("web", "0")));
        assertThrows(IllegalArgumentException.class, () -> fixed("support", Map.of("web", "-1", "data", "2")));
        assertThrows(IllegalArgumentException.class, () -> fixed("support", Map.of("n/a", "1")), "a ratio must name a team");
    }
}
