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
import java.time.LocalDate;

/** Allocated effective cost of one owner scope on one day in one currency. */
public record CostDay(LocalDate day, String currency, BigDecimal amount) {
}
