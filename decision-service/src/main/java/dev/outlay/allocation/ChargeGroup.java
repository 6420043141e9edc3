/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One distinct combination of the dimensions the allocation rules read, on one charge day and in one billing
 * currency, with the ledger sums behind it. Neither the day nor the currency is a rule input (rules run once per
 * distinct inputs): the day lets runs keep daily owner totals, the currency keeps each currency's money apart.
 */
public record ChargeGroup(Map<String, Object> inputs, LocalDate day, String currency, BigDecimal effectiveCost, long rows) {

    public String dimension(String name) {
        Object v = inputs.get(name);
        return v == null ? null : v.toString();
    }
}
