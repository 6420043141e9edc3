/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenant's declared source pairs (two sources that deliver the same charges, see {@link SourceViews}). The set is
 * replaced as a whole, audited with before and after, so which declarations a past run saw is on the record.
 */
@ApplicationScoped
public class SourcePairStore {

    /** One declaration as the API shows it. */
    public record SourcePair(String reference, String observed, String note, String createdBy, Instant createdAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    public List<SourcePair> list() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                SELECT reference_source, observed_source, note, created_by, created_at FROM outlay.reconciliation_source_pair
                WHERE tenant_id = ? ORDER BY reference_source, observed_source""")) {
            ps.setString(1, TenantContext.requireTenant());
            List<SourcePair> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourcePair(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the declared source pairs", e);
        }
    }

    /** The declarations a run applies. */
    List<SourceViews.Declared> declared() {
        return list().stream().map(p -> new SourceViews.Declared(p.reference(), p.observed())).toList();
    }

    /** Replaces the tenant's declarations (already validated) in one audited transaction. */
    @Transactional
    public List<SourcePair> replace(List<SourcePair> pairs, String actor) {
        List<SourcePair> before = list();
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.reconciliation_source_pair WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.reconciliation_source_pair (tenant_id, reference_source, observed_source, note, created_by)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (SourcePair p : pairs) {
                    ps.setString(1, tenant);
                    ps.setString(2, p.reference());
                    ps.setString(3, p.observed());
                    ps.setString(4, p.note());
                    ps.setString(5, actor);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the declared source pairs", e);
        }
        List<SourcePair> after = list();
        audit.record("reconciliation.source-pairs", "reconciliation_source_pairs", tenant, Map.of("pairs", summary(before)),
                Map.of("pairs", summary(after)));
        return after;
    }

    private static List<String> summary(List<SourcePair> pairs) {
        return pairs.stream().map(p -> p.reference() + " = " + p.observed()).toList();
    }
}
