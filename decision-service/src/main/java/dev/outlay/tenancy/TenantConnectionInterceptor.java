/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds every pooled connection to the current tenant at each checkout. Row-level security policies compare
 * tenant_id with the {@code outlay.tenant_id} setting; an empty setting matches no row (fail closed). Every
 * checkout overwrites the setting, so nothing is cleared on return (Agroal may return a connection mid-reset).
 */
@ApplicationScoped
public class TenantConnectionInterceptor implements AgroalPoolInterceptor {

    public static final String SETTING = "outlay.tenant_id";

    @Override
    public void onConnectionAcquire(Connection connection) {
        set(connection, TenantContext.tenantId().orElse(""));
    }

    private static void set(Connection connection, String tenant) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, false)")) {
            ps.setString(1, tenant);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the connection to the tenant", e);
        }
    }
}
