/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.money.MinorUnits;
import dev.outlay.money.ReportCsv;


/**
 * The cost report as CSV for people: one line per row, then one total line per currency and, when asked, the
 * converted total. Amounts are rounded to their currency's minor unit ({@link MinorUnits}, HALF_EVEN); the JSON
 * answer keeps them exact. Rounded lines need not add up to a rounded total to the last unit; the totals are
 * rounded from the exact sums, which is what reconciles with the invoice.
 */
public final class CostCsv {

    private CostCsv() {
    }

    public static String write(CostReport r) {
        boolean converted = r.reportingTotal() != null;
        StringBuilder sb = new StringBuilder("row");
        for (String d : r.groupBy()) sb.append(',').append(d);
        sb.append(",currency,amount");
        if (converted) sb.append(",converted_currency,converted_amount,fx_rate,fx_rate_date,fx_rate_version");
        sb.append("\r\n");
        for (CostReport.Row row : r.rows()) {
            sb.append("line");
            for (String d : r.groupBy()) sb.append(',').append(ReportCsv.text(row.dimensions().get(d)));
            sb.append(',').append(row.currency()).append(',').append(MinorUnits.cell(row.amount(), row.currency()));
            if (converted) sb.append(ReportCsv.conversion(row.converted(), row.amount(), row.currency()));
            sb.append("\r\n");
        }
        for (CostReport.Total t : r.totals()) {
            sb.append("total").append(",".repeat(r.groupBy().size())).append(',').append(t.currency()).append(',')
                    .append(MinorUnits.cell(t.amount(), t.currency()));
            if (converted) sb.append(",,,,,");
            sb.append("\r\n");
        }
        if (converted) {
            var t = r.reportingTotal();
            sb.append("converted_total").append(",".repeat(r.groupBy().size())).append(",,,").append(t.currency()).append(',')
                    .append(MinorUnits.cell(t.amount(), t.currency())).append(",,,").append(t.rateVersion()).append("\r\n");
        }
        return sb.toString();
    }

}
