/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A provider's own carbon figures against Outlay's estimate, per month and service, over [{@code from}, {@code to})
 * months. Both sides are location-based kgCO2e (the market-based provider figure is shown beside, never compared).
 * {@code ratio} = Outlay ÷ provider; a ratio outside [{@code lowerRatio}, {@code upperRatio}] is METHOD_DIVERGENCE.
 */
public record CarbonDivergenceReport(String provider, String from, String to, FactorSetRef factorSet, String methodVersion,
                                     List<String> providerModelVersions, BigDecimal lowerRatio, BigDecimal upperRatio, List<Row> rows,
                                     List<MonthTotal> months) {

    /** {@code status}: WITHIN, METHOD_DIVERGENCE, PROVIDER_ONLY (Outlay estimated nothing), OUTLAY_ONLY (not in the export). */
    public record Row(String month, String service, BigDecimal providerLbmKg, BigDecimal providerMbmKg, BigDecimal outlayKg,
                      BigDecimal ratio, String status) {
    }

    public record MonthTotal(String month, BigDecimal providerLbmKg, BigDecimal providerMbmKg, BigDecimal outlayKg, BigDecimal ratio,
                             String status) {
    }
}
