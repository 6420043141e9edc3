/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads actuals from {@code outlay.cost_daily} (V43, currency since V81): owner scopes from the allocation runs in
 * force, account scopes from the ledger's daily rollup, in the budget's currency only. Fails closed: a database
 * error, or owner totals of a run stored before runs kept currencies, is {@link ActualsUnavailableException},
 * never "no spend".
 */
@ApplicationScoped
public class LedgerActualSpend implements ActualSpend {

    static final Map<String, String> SCOPE_COLUMNS = Map.of("team", "team", "product", "product", "environment", "environment",
            "costCentre", "cost_centre", "account", "account");

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<DailyAmount> daily(BudgetScope scope, String currency, java.time.LocalDate from, java.time.LocalDate to) {
        String column = SCOPE_COLUMNS.get(scope.type());
        if (column == null) throw new IllegalArgumentException("unknown scope type " + scope.type());
        // Rows without a currency (runs from before V81 over a multi-currency period) would be read as some currency.
        String sql = "SELECT day, sum(amount) FILTER (WHERE currency = ?), count(*) FILTER (WHERE currency IS NULL) FROM outlay.cost_daily WHERE "
                + column + " = ? AND day >= ? AND day < ? GROUP BY day ORDER BY day";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, currency);
            ps.setString(2, scope.value());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            List<DailyAmount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(3) > 0) {
                        throw new ActualsUnavailableException("actuals of " + scope.type() + " " + scope.value() + " on " + rs.getDate(1)
                                + " come from an allocation run without currencies; re-run that billing period", null);
                    }
                    if (rs.getBigDecimal(2) != null) out.add(new DailyAmount(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ActualsUnavailableException("ledger actuals could not be read (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
