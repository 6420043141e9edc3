/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import dev.outlay.commitments.Recommendation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations per currency for the ledger's Compute-Savings-Plan-eligible usage in [{@code from}, {@code asOf}).
 * {@code currentCoverage}: ODE already covered by a held commitment ÷ all eligible ODE in the window.
 */
public record CommitmentRecommendationReport(LocalDate from, LocalDate asOf, int lookbackDays, String pool, PriceTableRef priceTable,
                                             String engineVersion, List<Item> recommendations) {

    /** {@code id}: SHA-256 of the inputs (series, window, price table, engine), what a purchase request names. */
    public record Item(String id, String currency, BigDecimal currentCoverage, BigDecimal coveredOde, BigDecimal eligibleOde,
                       Recommendation recommendation) {
    }
}
