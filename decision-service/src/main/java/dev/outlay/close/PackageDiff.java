/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a restatement changes against the package it restates: the ledger-total rows and owner-statement rows whose
 * amounts differ (or that appear or disappear) and the ingestions that came or went. Unchanged rows are not listed,
 * so the diff shows exactly the restated rows. Rows are compared per currency (a key includes it); amounts compare
 * by value ({@code 1.10} equals {@code 1.1}). {@code allocationRun} names the allocation run and rule version before
 * and after when the statement now rests on another run (null when it is the same run).
 */
public record PackageDiff(String basePackageHash, List<LedgerChange> ledgerTotals, List<AllocationChange> allocation,
                          List<String> ingestionsAdded, List<String> ingestionsRemoved, AllocationRunChange allocationRun) {

    public record AllocationRunChange(String runBefore, String ruleVersionBefore, String runAfter, String ruleVersionAfter) {
    }

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";

    public record LedgerChange(String provider, String billingAccountId, String serviceName, String currency, String change,
                               BigDecimal billedBefore, BigDecimal billedAfter, BigDecimal billedDelta,
                               BigDecimal effectiveBefore, BigDecimal effectiveAfter, BigDecimal effectiveDelta) {
    }

    public record AllocationChange(String team, String product, String environment, String costCenter, String currency, String change,
                                   BigDecimal totalBefore, BigDecimal totalAfter, BigDecimal totalDelta) {
    }

    public boolean empty() {
        return ledgerTotals.isEmpty() && allocation.isEmpty() && ingestionsAdded.isEmpty() && ingestionsRemoved.isEmpty();
    }

    public static PackageDiff between(PackageInputs before, String beforeHash, PackageInputs after) {
        List<LedgerChange> ledger = new ArrayList<>();
        Map<String, PackageInputs.LedgerTotal> b = index(before.ledgerTotals(), PackageInputs.LedgerTotal::key);
        Map<String, PackageInputs.LedgerTotal> a = index(after.ledgerTotals(), PackageInputs.LedgerTotal::key);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        b.keySet().forEach(k -> keys.put(k, true));
        a.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            PackageInputs.LedgerTotal x = b.get(k);
            PackageInputs.LedgerTotal y = a.get(k);
            if (x != null && y != null && same(x.billedCost(), y.billedCost()) && same(x.effectiveCost(), y.effectiveCost())) continue;
            PackageInputs.LedgerTotal id = y != null ? y : x;
            ledger.add(new LedgerChange(id.provider(), id.billingAccountId(), id.serviceName(), id.currency(),
                    x == null ? ADDED : y == null ? REMOVED : CHANGED,
                    x == null ? null : x.billedCost(), y == null ? null : y.billedCost(), delta(x == null ? null : x.billedCost(), y == null ? null : y.billedCost()),
                    x == null ? null : x.effectiveCost(), y == null ? null : y.effectiveCost(),
                    delta(x == null ? null : x.effectiveCost(), y == null ? null : y.effectiveCost())));
        }
        List<AllocationChange> alloc = new ArrayList<>();
        Map<String, PackageInputs.AllocationLine> ba = index(lines(before), PackageInputs.AllocationLine::key);
        Map<String, PackageInputs.AllocationLine> aa = index(lines(after), PackageInputs.AllocationLine::key);
        TreeMap<String, Boolean> akeys = new TreeMap<>();
        ba.keySet().forEach(k -> akeys.put(k, true));
        aa.keySet().forEach(k -> akeys.put(k, true));
        for (String k : akeys.keySet()) {
            PackageInputs.AllocationLine x = ba.get(k);
            PackageInputs.AllocationLine y = aa.get(k);
            if (x != null && y != null && same(x.totalCost(), y.totalCost())) continue;
            PackageInputs.AllocationLine id = y != null ? y : x;
            alloc.add(new AllocationChange(id.team(), id.product(), id.environment(), id.costCenter(), id.currency(),
                    x == null ? ADDED : y == null ? REMOVED : CHANGED, x == null ? null : x.totalCost(), y == null ? null : y.totalCost(),
                    delta(x == null ? null : x.totalCost(), y == null ? null : y.totalCost())));
        }
        List<String> bi = before.ingestions().stream().map(PackageInputs.IngestionRef::id).sorted().toList();
        List<String> ai = after.ingestions().stream().map(PackageInputs.IngestionRef::id).sorted().toList();
        PackageInputs.AllocationStatement sb = before.allocation();
        PackageInputs.AllocationStatement sa = after.allocation();
        AllocationRunChange run = Objects.equals(sb == null ? null : sb.runId(), sa == null ? null : sa.runId()) ? null
                : new AllocationRunChange(sb == null ? null : sb.runId(), sb == null ? null : sb.ruleVersion(),
                        sa == null ? null : sa.runId(), sa == null ? null : sa.ruleVersion());
        return new PackageDiff(beforeHash, ledger, alloc, ai.stream().filter(i -> !bi.contains(i)).toList(),
                bi.stream().filter(i -> !ai.contains(i)).toList(), run);
    }

    private static List<PackageInputs.AllocationLine> lines(PackageInputs p) {
        return p.allocation() == null ? List.of() : p.allocation().lines();
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> m = new TreeMap<>();
        for (T r : rows) m.put(key.apply(r), r);
        return m;
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return Objects.equals(x == null ? null : x.compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO : x.stripTrailingZeros(),
                y == null ? null : y.compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO : y.stripTrailingZeros());
    }

    private static BigDecimal delta(BigDecimal before, BigDecimal after) {
        BigDecimal d = (after == null ? BigDecimal.ZERO : after).subtract(before == null ? BigDecimal.ZERO : before);
        return CanonicalJson.normalize(d);
    }
}
