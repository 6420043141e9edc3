/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The (connection, key, etag) notifications already acted on, of the current tenant (V321). */
@ApplicationScoped
public class NotificationReceipts {

    @Inject
    AgroalDataSource dataSource;

    /** True when this is the first time: the caller polls. Committed on its own, before the poll starts. */
    public boolean first(UUID connection, ObjectCreated o) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.billing_notification (tenant_id, connection_id, object_key, etag, format)
                VALUES (current_setting('outlay.tenant_id'), ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setObject(1, connection);
            ps.setString(2, o.key());
            ps.setString(3, o.etag());
            ps.setString(4, o.format());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the billing notification: " + e.getMessage(), e);
        }
    }

    public void outcome(UUID connection, ObjectCreated o, String outcome) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.billing_notification SET outcome = ? WHERE connection_id = ? AND object_key = ? AND etag = ?")) {
            ps.setString(1, outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome);
            ps.setObject(2, connection);
            ps.setString(3, o.key());
            ps.setString(4, o.etag());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
