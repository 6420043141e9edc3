/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.ledger.LedgerScopes.Scope;
import dev.outlay.model.Charge;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The distinct tag keys per (billing period, billing account) of one load, kept in {@code outlay.ledger_tag_key}. */
final class LoadedTagKeys {

    private final Map<Scope, Set<String>> keys = new TreeMap<>();

    void add(Charge c) {
        Set<String> set = keys.computeIfAbsent(new Scope(c.billingPeriod(), c.billingAccountId()), s -> new TreeSet<>(Set.of("")));
        if (!c.tags().isEmpty()) set.addAll(c.tags().keySet());
    }

    /** Replaces the keys of this load's scopes; runs inside the replace transaction. */
    void replace(Connection c, String tenant, String source) throws SQLException {
        LedgerScopes.delete(c, "outlay.ledger_tag_key", source, keys.keySet());
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO outlay.ledger_tag_key (tenant_id, billing_period, source, billing_account_id, tag_key) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Scope, Set<String>> e : keys.entrySet()) {
                Date period = Date.valueOf(e.getKey().period());
                for (String k : e.getValue()) {
                    ins.setString(1, tenant);
                    ins.setDate(2, period);
                    ins.setString(3, source);
                    ins.setString(4, e.getKey().account());
                    ins.setString(5, k);
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
    }
}
