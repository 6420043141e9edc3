/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.fx;

import dev.outlay.money.FxRate;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rate sets, their rates and activations of the current tenant (row-level secured, append-only). */
@ApplicationScoped
public class FxRateStore {

    @Inject
    AgroalDataSource dataSource;

    void insert(String hash, String note, List<FxRate> rates, String actor, Instant at) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.fx_rate_set (tenant_id, version_hash, note, rate_count, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, tenant);
                ps.setString(2, hash);
                ps.setString(3, note);
                ps.setInt(4, rates.size());
                ps.setString(5, actor);
                ps.setTimestamp(6, Timestamp.from(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.fx_rate (tenant_id, version_hash, base_currency, quote_currency, "
                    + "rate_date, rate) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (FxRate r : rates) {
                    ps.setString(1, tenant);
                    ps.setString(2, hash);
                    ps.setString(3, r.base());
                    ps.setString(4, r.quote());
                    ps.setDate(5, Date.valueOf(r.date()));
                    ps.setBigDecimal(6, r.rate());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the rate set", e);
        }
    }

    void activate(String hash, String actor) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlay.fx_rate_activation (tenant_id, version_hash, activated_by) VALUES (?, ?, ?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, hash);
            ps.setString(3, actor);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not activate the rate set", e);
        }
    }

    /** The hash of the latest activated set, if the tenant has one. */
    public Optional<String> activeHash() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT version_hash FROM outlay.fx_rate_activation ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the active rate set", e);
        }
    }

    public Optional<FxRateSet> find(String hash) {
        String active = activeHash().orElse(null);
        try (Connection c = TenantConnections.open(dataSource)) {
            String note;
            String createdBy;
            Instant createdAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT note, created_by, created_at FROM outlay.fx_rate_set WHERE version_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    note = rs.getString(1);
                    createdBy = rs.getString(2);
                    createdAt = rs.getTimestamp(3).toInstant();
                }
            }
            List<FxRate> rates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rate_date, base_currency, quote_currency, rate FROM outlay.fx_rate "
                    + "WHERE version_hash = ? ORDER BY base_currency, quote_currency, rate_date")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rates.add(new FxRate(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                }
            }
            return Optional.of(new FxRateSet(hash, note, createdBy, createdAt, hash.equals(active), List.copyOf(rates)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rate set", e);
        }
    }

    /** Every set of the tenant, newest first, without their rates. */
    public List<FxRateSet> list() {
        String active = activeHash().orElse(null);
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT version_hash, note, created_by, created_at FROM outlay.fx_rate_set ORDER BY created_at DESC, version_hash");
             ResultSet rs = ps.executeQuery()) {
            List<FxRateSet> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new FxRateSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(1).equals(active), List.of()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list rate sets", e);
        }
    }
}
