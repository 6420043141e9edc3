/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A connection bound to the current tenant. Inside a JTA transaction the pool hands back the connection already
 * enlisted, which may have been checked out before a tenant was bound (e.g. when a Kogito timer callback loads a
 * process instance, then a listener switches to the process's tenant): binding again on every use is cheap and
 * makes row-level security see the right tenant.
 */
public final class TenantConnections {

    private TenantConnections() {
    }

    public static Connection open(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('" + TenantConnectionInterceptor.SETTING + "', ?, false)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
