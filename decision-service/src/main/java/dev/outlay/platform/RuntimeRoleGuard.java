/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Start-up refuses to go on when the service's own database role could switch row-level security or the
 * append-only triggers off ({@link RuntimeRoleCheck}). First of all start-up observers, before anything serves.
 */
@ApplicationScoped
public class RuntimeRoleGuard {

    /** Before {@link KieMigrations} and every application observer. */
    static final int PRIORITY = 0;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            RuntimeRoleCheck.requireFit(c);
        }
    }
}
