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
import java.time.LocalDate;
import java.util.List;

/**
 * Savings opportunity (now) and realized savings (actions in [{@code from}, {@code to})), per owner and kind, per
 * currency. Monthly figures are the findings' own (30-day run rate); realized figures are sums over post windows.
 */
public record SavingsReport(LocalDate from, LocalDate to, int settleDays, int postDays, List<Opportunity> opportunity,
                            int overlappingFindings, List<CommitmentOpportunity> commitmentOpportunity, List<RealizedFinding> realized,
                            List<RealizedTotal> realizedByOwner, List<CommitmentRealized> commitmentRealized) {

    /** Open findings of one owner and action kind, one per resource: monthly savings low/expected/high. */
    public record Opportunity(String owner, String kind, String currency, int findings, BigDecimal low, BigDecimal expected, BigDecimal high) {
    }

    /** The best 1-year Compute Savings Plan offer, sized without the usage of resources an open finding removes. */
    public record CommitmentOpportunity(String currency, String recommendationId, String status, String payment,
                                        BigDecimal expectedMonthlySavings, int excludedResources) {
    }

    /** {@code method}: PER_DAY (baseline − post daily cost) or PER_HOUR (a resize: rate change × hours after). */
    public record RealizedFinding(String findingId, String owner, String kind, String currency, LocalDate actionedOn,
                                  BigDecimal baselineDaily, BigDecimal postDaily, int postDays, BigDecimal realized, String status,
                                  String method) {
    }

    public record RealizedTotal(String owner, String kind, String currency, int findings, BigDecimal realized) {
    }

    /**
     * Commitment savings on covered usage in the window: ODE ({@code ListCost}) − effective cost of covered rows; the
     * effective savings rate = 1 − (effective cost of eligible usage + unused commitment) ÷ ODE of eligible usage.
     */
    public record CommitmentRealized(String currency, BigDecimal coveredOde, BigDecimal coveredEffective, BigDecimal savings,
                                     BigDecimal eligibleOde, BigDecimal eligibleEffective, BigDecimal unusedCommitment,
                                     BigDecimal effectiveSavingsRate) {
    }
}
