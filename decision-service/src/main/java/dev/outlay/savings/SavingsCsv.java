/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import dev.outlay.audit.AuditCsv;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;

/** The savings report for people, one line per figure: amounts rounded to the currency's minor unit. */
final class SavingsCsv {

    private SavingsCsv() {
    }

    static String write(SavingsReport r) {
        StringBuilder sb = new StringBuilder("section,owner,kind,currency,findings,low,expected,high,realized,status\n");
        for (SavingsReport.Opportunity o : r.opportunity()) {
            line(sb, "opportunity", o.owner(), o.kind(), o.currency(), String.valueOf(o.findings()), m(o.low(), o.currency()),
                    m(o.expected(), o.currency()), m(o.high(), o.currency()), "", "");
        }
        for (SavingsReport.CommitmentOpportunity c : r.commitmentOpportunity()) {
            line(sb, "commitment-opportunity", "", c.payment() == null ? "" : "1y " + c.payment(), c.currency(), "", "",
                    m(c.expectedMonthlySavings(), c.currency()), "", "", c.status());
        }
        for (SavingsReport.RealizedTotal t : r.realizedByOwner()) {
            line(sb, "realized", t.owner(), t.kind(), t.currency(), String.valueOf(t.findings()), "", "", "", m(t.realized(), t.currency()), "");
        }
        for (SavingsReport.CommitmentRealized c : r.commitmentRealized()) {
            line(sb, "commitment-realized", "", "", c.currency(), "", "", "", "", m(c.savings(), c.currency()),
                    c.effectiveSavingsRate() == null ? "" : "esr " + c.effectiveSavingsRate().toPlainString());
        }
        return sb.toString();
    }

    private static String m(BigDecimal v, String currency) {
        if (v == null) return "";
        return MinorUnits.known(currency) ? MinorUnits.cell(v, currency) : v.toPlainString();
    }

    private static void line(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) sb.append(i > 0 ? "," : "").append(AuditCsv.cell(cells[i]));
        sb.append('\n');
    }
}
