/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.audit.AuditCsv;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;

/**
 * The carbon report for people: one line per estimated group ({@code record=estimate}) then per unestimated group,
 * reason and currency ({@code record=unestimated}, cost rounded to the currency's minor unit). Every line names the
 * factor-set version and method, so a copied line still says how it was computed.
 */
final class CarbonCsv {

    private CarbonCsv() {
    }

    static String write(CarbonReport r) {
        StringBuilder sb = new StringBuilder("factorSet,method,record");
        for (String g : r.groupBy()) sb.append(',').append(g);
        sb.append(",computeKwh,storageKwh,networkKwh,memoryKwh,gpuKwh,kwh,kgCo2e,rows,reason,currency,cost\n");
        String prefix = r.factorSet().version() + "," + r.methodVersion() + ",";
        for (CarbonReport.Row row : r.rows()) {
            sb.append(prefix).append("estimate");
            for (String g : r.groupBy()) sb.append(',').append(AuditCsv.cell(row.group().get(g)));
            sb.append(',').append(plain(row.computeKwh())).append(',').append(plain(row.storageKwh())).append(',').append(plain(row.networkKwh()))
                    .append(',').append(plain(row.memoryKwh())).append(',').append(plain(row.gpuKwh())).append(',').append(plain(row.kwh())).append(',').append(plain(row.kgCo2e()))
                    .append(',').append(row.rows()).append(",,,\n");
        }
        for (CarbonReport.UnestimatedRow u : r.unestimated()) {
            sb.append(prefix).append("unestimated");
            for (String g : r.groupBy()) sb.append(',').append(AuditCsv.cell(u.group().get(g)));
            sb.append(",,,,,,,,").append(u.rows()).append(',').append(u.reason()).append(',').append(u.currency() == null ? "" : u.currency())
                    .append(',').append(u.currency() == null ? plain(u.cost()) : MinorUnits.cell(u.cost(), u.currency())).append('\n');
        }
        return sb.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
