/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

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

/** The current tenant's stored factor sets (row-level secured, append-only), newest first. */
@ApplicationScoped
public class FactorSetStore {

    record Stored(String version, String name, String source, java.time.LocalDate publishedOn, java.time.LocalDate retrievedOn,
                  String note, String canonicalJson, String createdBy, Instant createdAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    void insert(Stored s) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlay.carbon_factor_set (tenant_id, version, name, source, published_on, retrieved_on, note, canonical_json, "
                        + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, s.version());
            ps.setString(3, s.name());
            ps.setString(4, s.source());
            ps.setDate(5, Date.valueOf(s.publishedOn()));
            ps.setDate(6, Date.valueOf(s.retrievedOn()));
            ps.setString(7, s.note());
            ps.setString(8, s.canonicalJson());
            ps.setString(9, s.createdBy());
            ps.setTimestamp(10, Timestamp.from(s.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the factor set", e);
        }
    }

    Optional<Stored> find(String version) {
        List<Stored> found = query("WHERE version = ?", version);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<Stored> list() {
        return query("", null);
    }

    private List<Stored> query(String where, String param) {
        String sql = "SELECT version, name, source, published_on, retrieved_on, note, canonical_json, created_by, created_at "
                + "FROM outlay.carbon_factor_set " + where + " ORDER BY created_at DESC, version";
        List<Stored> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read factor sets", e);
        }
        return out;
    }
}
