/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.Collection;
import java.util.List;

/**
 * The SQL expression for one ownership tag's value when the ledger spells its key several ways: the first spelling
 * (in the given order) whose value is not blank. Each key becomes a bind parameter appended to {@code params}.
 */
public final class TagValueSql {

    private TagValueSql() {
    }

    public static String firstNonBlank(Collection<String> keys, List<String> params) {
        if (keys.isEmpty()) return "NULL::text";
        StringBuilder sql = new StringBuilder("COALESCE(");
        int i = 0;
        for (String k : keys) {
            sql.append(i++ > 0 ? ", " : "").append("NULLIF(btrim(tags->>?), '')");
            params.add(k);
        }
        return sql.append(")").toString();
    }
}
