/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A run's result as CSV for spreadsheets: one row per impacted service of each check (a check without impacted
 * services, e.g. a passing or a completeness check, gets one row with the service columns empty).
 */
final class ReconciliationCsv {

    static final String HEADER = "period,period_state,check,kind,billing_account_id,currency,reference,observed,reference_total,"
            + "observed_total,difference,difference_percent,allowance,breach,severity,confidence,missing_source_days,service_rank,"
            + "service_account,service,service_reference,service_observed,service_difference,service_share_percent\n";

    private ReconciliationCsv() {
    }

    static String write(ReconciliationResult r) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (ReconciliationResult.Check k : r.checks()) {
            int missing = k.completeness().stream().mapToInt(s -> s.missingDays().size()).sum();
            String prefix = String.join(",", cell(r.period()), cell(k.periodState()), String.valueOf(k.ordinal()), cell(k.kind()),
                    cell(k.billingAccountId()), cell(k.currency()), cell(k.reference()), cell(k.observed()), num(k.referenceTotal()),
                    num(k.observedTotal()), num(k.difference()), num(k.differencePercent()), num(k.allowance()), String.valueOf(k.breach()),
                    cell(k.severity()), cell(k.confidence().level().name()), k.kind().equals(ReconciliationService.COMPLETENESS) ? String.valueOf(missing) : "");
            List<ImpactedService> services = k.impactedServices();
            if (services.isEmpty()) {
                sb.append(prefix).append(",,,,,,,\n");
                continue;
            }
            for (ImpactedService s : services) {
                sb.append(prefix).append(',').append(s.rank()).append(',').append(cell(s.account())).append(',').append(cell(s.service()))
                        .append(',').append(num(s.reference())).append(',').append(num(s.observed())).append(',').append(num(s.difference()))
                        .append(',').append(num(s.sharePercent())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    static String cell(String v) {
        if (v == null) return "";
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }
}
