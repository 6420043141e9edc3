/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Daily owner actuals for budget tests: a succeeded allocation run with its daily direct cost for one team, written
 * as the superuser (the shape an allocation run leaves behind; {@code outlay.cost_daily} reads it).
 */
public final class LedgerFixture {

    private LedgerFixture() {
    }

    /** {@code perDay} in {@code currency} for each of the {@code days} days before today, for one team of one tenant. */
    public static synchronized void dailySpend(String tenant, String team, int perDay, int days, String currency) {
        String url = ConfigProvider.getConfig().getValue("test.superuser-url", String.class);
        UUID run = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.tenant (id, display_name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, tenant);
                ps.setString(2, tenant);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.allocation_run (id, tenant_id, billing_period, version_hash, status, created_by, finished_at)
                    VALUES (?, ?, ?, 'fixture', 'succeeded', 'fixture', now())""")) {
                ps.setObject(1, run);
                ps.setString(2, tenant);
                ps.setObject(3, LocalDate.now().withDayOfMonth(1));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.allocation_daily (run_id, tenant_id, day, team, product, environment, cost_center, direct_cost, currency)
                    VALUES (?, ?, ?, ?, '-', '-', '-', ?, ?)""")) {
                for (int i = 1; i <= days; i++) {
                    ps.setObject(1, run);
                    ps.setString(2, tenant);
                    ps.setObject(3, LocalDate.now().minusDays(i));
                    ps.setString(4, team);
                    ps.setInt(5, perDay);
                    ps.setString(6, currency);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare ledger fixture", e);
        }
    }
}
