/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import java.util.List;

/** RFC 4180 CSV of audit entries, chain fields included so an export can be verified offline. */
public final class AuditCsv {

    private AuditCsv() {
    }

    public static String write(List<AuditEntry> entries) {
        StringBuilder sb = new StringBuilder("seq,at,actor,action,object_type,object_id,before,after,request_id,client_address,prev_hash,hash\r\n");
        for (AuditEntry e : entries) {
            String[] cells = {Long.toString(e.seq()), e.at().toString(), e.actor(), e.action(), e.objectType(), e.objectId(),
                    e.before(), e.after(), e.requestId(), e.clientAddress(), e.prevHash(), e.hash()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(cell(cells[i]));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    public static String cell(String v) {
        if (v == null) return "";
        // Leading formula characters are neutralised so a spreadsheet never executes an audit value.
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
