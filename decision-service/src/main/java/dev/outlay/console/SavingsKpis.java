/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.findings.FindingAccess;
import dev.outlay.findings.FindingStatus;
import dev.outlay.findings.FindingStore;
import dev.outlay.money.MinorUnits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The home pages' savings figures: open findings and their monthly savings per currency, from the findings summary.
 * Engineering and platform see their own teams' (the owner groups of the session, as the findings API scopes them);
 * leadership sees the tenant's total, per currency and without any finding or owner in it.
 */
@ApplicationScoped
public class SavingsKpis {

    @Inject
    FindingStore store;

    @Inject
    FindingAccess access;

    public record Savings(String currency, int findings, String low, String expected) {
    }

    /** The open findings the caller may see (their teams' for engineering and platform). */
    public List<Savings> mine() {
        return open(access.visibleOwners());
    }

    /** Every owner's open findings. */
    public List<Savings> all() {
        return open(null);
    }

    private List<Savings> open(Set<String> owners) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (FindingStore.SummaryRow r : store.summary(new FindingStore.Filter(null, null, FindingStatus.OPEN, null, null, owners))) {
            BigDecimal[] s = sums.computeIfAbsent(r.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(r.low());
            s[1] = s[1].add(r.expected());
            counts.merge(r.currency(), r.findings(), Integer::sum);
        }
        return sums.entrySet().stream().map(e -> new Savings(e.getKey(), counts.get(e.getKey()),
                MinorUnits.cell(e.getValue()[0], e.getKey()), MinorUnits.cell(e.getValue()[1], e.getKey()))).toList();
    }
}
