/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import dev.outlay.allocation.ChargeInputs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tenant's billing period from the ledger in parallel: one Spark partition per charge day, each a range on
 * {@code charge_period_start} (indexed with the tenant), so no two tasks scan the same rows. The columns are the
 * allocation rule inputs as the service selects them ({@link ChargeInputs#columns()}), the tags, the UTC charge day,
 * the billing currency and the effective cost as text, so no decimal passes through a floating or fixed Spark type.
 */
final class LedgerReader {

    private LedgerReader() {
    }

    static Dataset<Row> read(SparkSession spark, JobArgs args) throws SQLException {
        List<LocalDate> days = days(args);
        if (days.isEmpty()) return null;
        StringBuilder select = new StringBuilder("(SELECT ");
        List<String> dims = ChargeInputs.columnList();
        for (int i = 0; i < dims.size(); i++) select.append(dims.get(i)).append(" AS c").append(i).append(", ");
        select.append("tags::text AS tags, to_char((charge_period_start AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, ")
                .append("billing_currency AS currency, effective_cost::text AS cost, charge_period_start ")
                .append("FROM outlay.ledger_charge WHERE tenant_id = '").append(args.tenant()).append("' AND billing_period = DATE '")
                .append(args.period()).append("') AS ledger");
        String[] predicates = days.stream().map(d -> "charge_period_start >= TIMESTAMPTZ '" + d + " 00:00:00+00' AND charge_period_start < "
                + "TIMESTAMPTZ '" + d.plusDays(1) + " 00:00:00+00'").toArray(String[]::new);
        return spark.read().jdbc(args.jdbcUrl(), select.toString(), predicates, args.jdbcProperties());
    }

    /** The charge days of the period, read once on the driver through the same tenant-bound session. */
    private static List<LocalDate> days(JobArgs args) throws SQLException {
        try (Connection c = DriverManager.getConnection(args.jdbcUrl(), args.jdbcProperties())) {
            try (PreparedStatement bind = c.prepareStatement(args.jdbcProperties().getProperty("sessionInitStatement"))) {
                bind.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT (charge_period_start AT TIME ZONE 'UTC')::date FROM outlay.ledger_charge
                    WHERE tenant_id = ? AND billing_period = ? ORDER BY 1""")) {
                ps.setString(1, args.tenant());
                ps.setObject(2, args.period());
                List<LocalDate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getObject(1, LocalDate.class));
                }
                return out;
            }
        }
    }
}
