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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The export_time watermark of each invoice month a gcp-bigquery connection loaded (table gcp_export_watermark,
 * V220), of the current tenant (row-level security scopes every statement). Written only after a load succeeded
 * or was a duplicate, so a failed load is read again in full on the next poll.
 */
@ApplicationScoped
public class GcpExportWatermarks {

    @Inject
    AgroalDataSource dataSource;

    public Optional<Instant> find(String source, String invoiceMonth) {
        String sql = "SELECT export_time FROM outlay.gcp_export_watermark WHERE source = ? AND invoice_month = ?";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setString(2, invoiceMonth);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the export watermark of " + source + " " + invoiceMonth, e);
        }
    }

    public void store(String source, String invoiceMonth, Instant exportTime, UUID ingestionId) {
        String sql = "INSERT INTO outlay.gcp_export_watermark (tenant_id, source, invoice_month, export_time, ingestion_id) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, source, invoice_month) DO UPDATE SET "
                + "export_time = excluded.export_time, ingestion_id = excluded.ingestion_id, updated_at = now()";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, source);
            ps.setString(3, invoiceMonth);
            ps.setTimestamp(4, Timestamp.from(exportTime));
            ps.setObject(5, ingestionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the export watermark of " + source + " " + invoiceMonth, e);
        }
    }
}
