/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import java.math.BigDecimal;

/** Rows and billed/effective cost of one billing period ("YYYY-MM") in one currency. */
public record PeriodTotal(String billingPeriod, String currency, long rows, BigDecimal billedCost, BigDecimal effectiveCost) {

    /** Period and currency: totals with the same key add up. */
    public String key() {
        return billingPeriod + "/" + currency;
    }

    public PeriodTotal plus(PeriodTotal o) {
        return new PeriodTotal(billingPeriod, currency, rows + o.rows, billedCost.add(o.billedCost), effectiveCost.add(o.effectiveCost));
    }

    public PeriodTotal negated() {
        return new PeriodTotal(billingPeriod, currency, -rows, billedCost.negate(), effectiveCost.negate());
    }
}
