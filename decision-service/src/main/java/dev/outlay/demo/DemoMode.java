/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.platform.OutlayConfig;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.TreeSet;

/**
 * Demo mode: a signing key pair in the data directory, the tenant {@code demo} and one user per role.
 * Outside demo mode the token keys must come from configuration (OIDC / JWKS).
 */
@ApplicationScoped
public class DemoMode {

    public static final String DEMO_TENANT = "demo";
    private static final Logger LOG = Logger.getLogger(DemoMode.class);

    @Inject
    OutlayConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    void onStart(@Observes @Priority(10) StartupEvent event) throws Exception {
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
        Path demoKey = dataDir.resolve(DemoSigningKeys.PUBLIC_KEY);
        if (!config.demo().enabled()) {
            if (Path.of(publicKeyLocation.replaceFirst("^file:", "")).toAbsolutePath().normalize().equals(demoKey)) {
                throw new IllegalStateException("Outside demo mode, token keys come from your identity provider: set "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (JWKS URL or PEM) and MP_JWT_VERIFY_ISSUER, or start with OUTLAY_DEMO_ENABLED=true.");
            }
            return;
        }
        DemoSigningKeys.ensure(dataDir);
        if (tenants.ensure(DEMO_TENANT, "Demo Corp", true)) {
            LOG.infof("demo tenant created; signing key in %s", dataDir.resolve("keys"));
        }
    }

    /** Every demo tenant gets its personas and one user per role ({@link DemoUsers}), so the inbox and audit log have people. */
    void seedUsers(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo()) return;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outlay.app_user (tenant_id, subject, roles) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (DemoUsers.DemoUser u : DemoUsers.all()) {
                ps.setString(1, created.tenantId());
                ps.setString(2, u.subject());
                ps.setString(3, String.join(",", new TreeSet<>(u.roles())));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed demo users", e);
        }
    }
}
