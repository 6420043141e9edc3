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

/**
 * A converted figure and everything needed to recompute it: the source amount and currency, the rate used, the
 * date that rate is quoted for, the rate-set version it came from, and the result in the target currency.
 */
public record Conversion(BigDecimal amount, String currency, BigDecimal convertedAmount, String convertedCurrency,
                         BigDecimal rate, LocalDate rateDate, String rateVersion) {
}
