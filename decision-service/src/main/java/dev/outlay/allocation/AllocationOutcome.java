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
import java.util.List;
import java.util.Optional;

/**
 * What a version of the allocation rules makes of one billing period. Each currency of the period is allocated on
 * its own: its lines add up to its {@link CurrencyTotal#total()} exactly, and no figure adds two currencies.
 */
public record AllocationOutcome(List<CurrencyTotal> currencies, List<Line> lines, List<GroupResult> groups, List<Pool> pools) {

    /** The period's effective cost in one currency, what of it has an owner, and that share in percent. */
    public record CurrencyTotal(String currency, BigDecimal total, BigDecimal allocated, BigDecimal coveragePct) {
    }

    /** A statement line: an owner (or the unallocated row with its reason) with direct and split shares, in one currency. */
    public record Line(Owner owner, String currency, BigDecimal direct, BigDecimal shared, BigDecimal total, String reason) {
    }

    /** A shared-cost pool of the period in one currency and the policy that split it. */
    public record Pool(String name, String currency, String method, java.util.SortedMap<String, BigDecimal> ratios, String ruleId,
                       BigDecimal amount) {
    }

    public enum Kind { direct, shared, unallocated }

    public record GroupResult(ChargeGroup group, Owner owner, String ruleId, Kind kind, String reason) {
    }

    /** The totals of one currency of the period, if it was billed in it. */
    public Optional<CurrencyTotal> in(String currency) {
        return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst();
    }
}
