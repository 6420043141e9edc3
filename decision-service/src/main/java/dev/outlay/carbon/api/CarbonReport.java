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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A carbon report over [{@code from}, {@code to}). Every figure was computed with {@code factorSet} (its version is
 * the SHA-256 of its canonical JSON) and method {@code methodVersion}; asking again with the same version gives the
 * same bytes. kWh include PUE; kgCO2e are location-based. Unestimated usage is listed with its cost, never as zero.
 */
public record CarbonReport(LocalDate from, LocalDate to, List<String> groupBy, FactorSetRef factorSet, String methodVersion,
                           int scale, String rounding, BigDecimal totalKwh, BigDecimal totalKgCo2e, long estimatedRows,
                           long unestimatedRows, List<Row> rows, List<UnestimatedRow> unestimated) {

    /** {@code group}: the group-by dimensions' values in {@code groupBy} order (null: the rows carry none). */
    public record Row(Map<String, String> group, BigDecimal computeKwh, BigDecimal storageKwh, BigDecimal networkKwh,
                      BigDecimal memoryKwh, BigDecimal gpuKwh, BigDecimal kwh, BigDecimal kgCo2e, long rows, long regionDefaultedRows,
                      long utilizationDefaultedRows) {
    }

    /** {@code reason}: PROVIDER_NOT_COVERED, INSTANCE_TYPE_UNKNOWN, STORAGE_MEDIUM_UNKNOWN, TRANSFER_OUTSIDE_PROVIDER_NETWORK, UNCLASSIFIED. */
    public record UnestimatedRow(Map<String, String> group, String reason, String currency, long rows, BigDecimal cost) {
    }
}
