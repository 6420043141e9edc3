/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.audit.AuditCsv;

import java.util.List;

/** RFC 4180 CSV of usage events (formula characters neutralised, as for the audit log). */
final class UsageCsv {

    static final String HEADER = "at,metric,event,quantity,subject_type,subject_id,detail,actor,id";

    private UsageCsv() {
    }

    static String write(List<UsageEvent> events) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (UsageEvent e : events) {
            String[] cells = {e.at().toString(), e.metric(), e.event(), Long.toString(e.quantity()), e.subjectType(), e.subjectId(),
                    e.detail(), e.actor(), e.id().toString()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) sb.append(',');
                // A quantity of -1 is a number, not a formula: only text cells are neutralised.
                sb.append(i == 3 ? cells[i] : AuditCsv.cell(cells[i]));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
