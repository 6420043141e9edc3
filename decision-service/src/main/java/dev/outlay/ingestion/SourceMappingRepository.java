/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored source mappings of the current tenant (row-level security scopes every statement). */
@ApplicationScoped
public class SourceMappingRepository {

    private static final String COLUMNS = "source, kind, version, mapping, updated_by, updated_at";

    @Inject
    AgroalDataSource dataSource;

    public Optional<SourceMapping> find(String source) {
        List<SourceMapping> found = query("SELECT " + COLUMNS + " FROM outlay.source_mapping WHERE source = ?", source);
        return found.stream().findFirst();
    }

    public List<SourceMapping> list() {
        return query("SELECT " + COLUMNS + " FROM outlay.source_mapping ORDER BY source", null);
    }

    public void upsert(String source, String kind, String version, String mapping, String updatedBy) {
        update("INSERT INTO outlay.source_mapping (tenant_id, source, kind, version, mapping, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id, source) DO UPDATE SET kind = excluded.kind, version = excluded.version, "
                        + "mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()",
                TenantContext.requireTenant(), source, kind, version, mapping, updatedBy);
    }

    public void delete(String source) {
        update("DELETE FROM outlay.source_mapping WHERE source = ?", source);
    }

    private List<SourceMapping> query(String sql, String arg) {
        List<SourceMapping> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read source mappings", e);
        }
        return out;
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write source mapping", e);
        }
    }
}
