/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.money.Conversion;
import dev.outlay.money.ReportingCurrency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Answer of GET /api/v1/costs: grouped amounts, each in its billing currency, totals per currency (never across
 * them), and how far to trust them. Only when a reporting currency is asked for do rows carry their conversion and
 * {@code reportingTotal} the converted sum (null otherwise).
 */
public record CostReport(LocalDate from, LocalDate to, String metric, List<String> groupBy, List<Row> rows,
                         List<Total> totals, ReportingCurrency.Total reportingTotal, DataQuality dataQuality) {

    public record Row(Map<String, String> dimensions, String currency, BigDecimal amount, Conversion converted) {
    }

    public record Total(String currency, BigDecimal amount) {
    }

    /**
     * @param rows         ledger rows behind the window
     * @param flaggedRows  rows loaded with a data-quality flag
     * @param unmappedRows rows whose charge category could not be mapped (loaded as Adjustment)
     * @param unmappedPct  unmappedRows / rows in percent
     * @param completeness days of the window with data / days of the window
     * @param freshness    per source: last successful ingestion and its age in hours
     */
    public record DataQuality(long rows, long flaggedRows, long unmappedRows, double unmappedPct, Completeness completeness,
                              List<Freshness> freshness) {
    }

    public record Completeness(long days, long daysWithData, double ratio) {
    }

    public record Freshness(String source, Instant lastSuccessAt, Double recencyHours) {
    }
}
