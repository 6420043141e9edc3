/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import java.math.BigDecimal;

/**
 * One period (a day {@code 2026-11-01} or a month {@code 2026-11}) of a KPI in one currency. {@code metricValue} is
 * null when no day of the period has a value; {@code unitCost} is null when any day of the period has none, or the
 * metric's sum is zero: an undefined ratio is never reported as a free unit.
 */
public record UnitCost(String period, String currency, BigDecimal cost, BigDecimal metricValue, int metricDays, int days,
                       BigDecimal unitCost) {
}
