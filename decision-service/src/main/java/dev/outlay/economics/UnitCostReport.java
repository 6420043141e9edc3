/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/unit-costs}: the KPI's definition, the window ({@code to} exclusive) and one row per period and currency. */
public record UnitCostReport(String kpi, String numeratorDimension, String numeratorValue, String metric, String unit,
                             String grain, LocalDate from, LocalDate to, int scale, String rounding, List<UnitCost> rows) {
}
