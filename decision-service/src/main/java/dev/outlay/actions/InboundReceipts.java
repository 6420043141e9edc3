/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Inbound requests already acted on, per connection: the second arrival of the same one is a replay. */
@ApplicationScoped
public class InboundReceipts {

    @Inject
    AgroalDataSource dataSource;

    /** True the first time this receipt is seen for the connection (in the caller's transaction). */
    public boolean first(UUID integrationId, String receiptId) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.inbound_receipt (tenant_id, integration_id, receipt_id) VALUES (?,?,?) "
                     + "ON CONFLICT DO NOTHING")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, integrationId);
            ps.setString(3, receiptId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record an inbound receipt: " + e.getMessage(), e);
        }
    }
}
