/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.money.ReportCsv;

import java.util.List;

/** A scan's undecided list as CSV for people; every cell goes through {@link ReportCsv#text} (formula-safe). */
public final class FindingUndecidedCsv {

    static final String HEADER = "resource_id,provider,account_id,region,owner,detector,outcome,reason,rule_set,rule_version,decision_id";

    private FindingUndecidedCsv() {
    }

    public static String write(List<FindingUndecided> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (FindingUndecided u : rows) {
            String[] cells = {u.resourceId(), u.provider(), u.accountId(), u.region(), u.owner(), u.detector(), u.outcome(), u.reason(),
                    u.ruleSet(), u.ruleVersion(), u.decisionId().toString()};
            for (int i = 0; i < cells.length; i++) sb.append(i == 0 ? "" : ",").append(ReportCsv.text(cells[i]));
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
