/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.money.MinorUnits;

/**
 * The unit-cost report for people: cost rounded to the currency's minor unit, the unit cost at full
 * {@link UnitCostCalculator#SCALE} (a cost per request in whole cents would read 0.00), empty cells for nulls.
 */
final class UnitCostCsv {

    private UnitCostCsv() {
    }

    static String write(UnitCostReport r) {
        StringBuilder sb = new StringBuilder("period,currency,cost,metricValue,metricDays,days,unitCost\n");
        for (UnitCost u : r.rows()) {
            sb.append(u.period()).append(',').append(u.currency()).append(',').append(MinorUnits.cell(u.cost(), u.currency())).append(',')
                    .append(u.metricValue() == null ? "" : u.metricValue().toPlainString()).append(',')
                    .append(u.metricDays()).append(',').append(u.days()).append(',')
                    .append(u.unitCost() == null ? "" : u.unitCost().toPlainString()).append('\n');
        }
        return sb.toString();
    }
}
