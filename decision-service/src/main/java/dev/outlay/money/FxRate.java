/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One {@code base} unit is worth {@code rate} units of {@code quote}, from {@code date} on. */
public record FxRate(LocalDate date, String base, String quote, BigDecimal rate) {
}
