/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.money.MinorUnits;
import dev.outlay.money.ReportCsv;

import java.util.List;

/**
 * Findings as CSV for people: one line per finding and currency (a finding without a saving has one line with empty
 * money cells). Savings are rounded to the currency's minor unit ({@link MinorUnits}, HALF_EVEN) like the other CSV
 * reports; the JSON answer keeps them exact. Text cells go through {@link ReportCsv#text} so a resource name or tag
 * value never runs as a spreadsheet formula.
 */
public final class FindingCsv {

    static final String HEADER = "id,resource_id,provider,account_id,region,owner,environment,detector,status,risk,action,tier,confidence,"
            + "currency,savings_low,savings_expected,savings_high,rule_set,rule_version,profile,profile_version,decision_id,first_seen,last_seen";

    private FindingCsv() {
    }

    public static String write(List<StoredFinding> findings) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (StoredFinding f : findings) {
            if (f.savings().isEmpty()) {
                line(sb, f, null);
            } else {
                for (SavingsRange s : f.savings()) line(sb, f, s);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, StoredFinding f, SavingsRange s) {
        String[] text = {f.id(), f.resourceId(), f.provider(), f.accountId(), f.region(), f.owner(), f.environment(), f.detector(),
                f.status(), f.risk(), f.action(), f.tier()};
        for (int i = 0; i < text.length; i++) sb.append(i == 0 ? "" : ",").append(ReportCsv.text(text[i]));
        sb.append(',').append(f.confidence().toPlainString());
        if (s == null) {
            sb.append(",,,,");
        } else {
            sb.append(',').append(s.currency()).append(',').append(MinorUnits.cell(s.low(), s.currency())).append(',')
                    .append(MinorUnits.cell(s.expected(), s.currency())).append(',').append(MinorUnits.cell(s.high(), s.currency()));
        }
        String[] tail = {f.ruleSet(), f.ruleVersion(), f.profile(), f.profileVersion(), f.decisionId().toString(),
                f.firstSeen().toString(), f.lastSeen().toString()};
        for (String t : tail) sb.append(',').append(ReportCsv.text(t));
        sb.append("\r\n");
    }
}
