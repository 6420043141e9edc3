/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes the rows one ingestion still holds out of the ledger, with the daily rollup and tag keys of their scopes.
 * A (source, billing period, billing account) scope is always replaced whole, so every row and rollup row of a
 * scope this ingestion still holds is its own. Runs on the caller's transaction (the manifest update and the
 * audit entry commit with it) under the same per-source lock as a load.
 */
@ApplicationScoped
public class LedgerRetraction {

    @Inject
    AgroalDataSource dataSource;

    /** @param billingPeriods the ingestion's periods as the manifest records them ("YYYY-MM") */
    public long retract(UUID ingestionId, String source, List<String> billingPeriods) {
        Date[] periods = new Date[billingPeriods.size()];
        for (int i = 0; i < periods.length; i++) periods[i] = Date.valueOf(LocalDate.parse(billingPeriods.get(i) + "-01"));
        try (Connection c = TenantConnections.open(dataSource)) {
            LedgerLoader.lockSource(c, source);
            List<Date> scopePeriods = new ArrayList<>();
            List<String> scopeAccounts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT billing_period, billing_account_id FROM outlay.ledger_charge "
                    + "WHERE source = ? AND billing_period = ANY (?) AND ingestion_id = ?")) {
                ps.setString(1, source);
                ps.setArray(2, c.createArrayOf("date", periods));
                ps.setObject(3, ingestionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        scopePeriods.add(rs.getDate(1));
                        scopeAccounts.add(rs.getString(2));
                    }
                }
            }
            long removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.ledger_charge WHERE source = ? AND billing_period = ANY (?) "
                    + "AND ingestion_id = ?")) {
                ps.setString(1, source);
                ps.setArray(2, c.createArrayOf("date", periods));
                ps.setObject(3, ingestionId);
                removed = ps.executeUpdate();
            }
            for (String table : new String[]{"outlay.ledger_daily", "outlay.ledger_tag_key"}) {
                LedgerScopes.delete(c, table, source, scopePeriods.toArray(), scopeAccounts.toArray());
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not retract ingestion " + ingestionId, e);
        }
    }
}
