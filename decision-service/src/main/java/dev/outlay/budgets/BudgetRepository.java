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
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Budgets of the current tenant (row-level security scopes every statement). */
@ApplicationScoped
public class BudgetRepository {

    private static final String COLUMNS = "id, name, scope_type, scope_value, period, amount, currency, thresholds, created_by, created_at, updated_at";

    @Inject
    AgroalDataSource dataSource;

    public List<Budget> list() {
        return query("SELECT " + COLUMNS + " FROM outlay.budget ORDER BY name, id", null);
    }

    public Optional<Budget> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM outlay.budget WHERE id = ?", id).stream().findFirst();
    }

    public void insert(Budget b) {
        exec("INSERT INTO outlay.budget (tenant_id, name, scope_type, scope_value, period, amount, currency, thresholds, created_by, created_at, updated_at, id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", b, true);
    }

    public void update(Budget b) {
        exec("UPDATE outlay.budget SET tenant_id = ?, name = ?, scope_type = ?, scope_value = ?, period = ?, amount = ?, currency = ?, "
                + "thresholds = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?", b, false);
    }

    public boolean delete(UUID id) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.budget WHERE id = ?")) {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete budget", e);
        }
    }

    public boolean referenced(UUID id) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outlay.spend_request WHERE budget_id = ? LIMIT 1")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read spend requests", e);
        }
    }

    private void exec(String sql, Budget b, boolean insert) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, b.name());
            ps.setString(3, b.scopeType());
            ps.setString(4, b.scopeValue());
            ps.setString(5, b.period());
            ps.setBigDecimal(6, b.amount());
            ps.setString(7, b.currency());
            ps.setString(8, String.join(",", b.thresholds().stream().map(String::valueOf).toList()));
            ps.setString(9, b.createdBy());
            ps.setTimestamp(10, Timestamp.from(b.createdAt()));
            ps.setTimestamp(11, Timestamp.from(b.updatedAt()));
            ps.setObject(12, b.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw dev.outlay.api.problem.ProblemException.conflict("A budget for this scope and period already exists.");
            }
            throw new IllegalStateException("could not " + (insert ? "create" : "update") + " budget", e);
        }
    }

    private List<Budget> query(String sql, UUID id) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) ps.setObject(1, id);
            List<Budget> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String t = rs.getString(8);
                    out.add(new Budget(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBigDecimal(6), rs.getString(7),
                            t == null || t.isBlank() ? List.of() : Arrays.stream(t.split(",")).map(Integer::valueOf).toList(),
                            rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read budgets", e);
        }
    }
}
