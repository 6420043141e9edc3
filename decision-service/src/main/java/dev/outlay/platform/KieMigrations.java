/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kie.flyway.integration.KieFlywayRunner;
import org.kie.flyway.integration.KieFlywayRunnerConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Runs KIE Flyway (Kogito's tables in schema public: process instances, user tasks, jobs) as the owner role.
 * KIE's own Quarkus recorder would run it on the default datasource, i.e. as the runtime role, which would then
 * own those tables; so it is switched off ({@code kie.flyway.enabled=false}) and run here on a connection of the
 * migration credentials ({@code quarkus.flyway.username/password}) before anything else starts. Tables KIE
 * creates get the runtime role's row grants from the owner's default privileges (V78).
 */
@ApplicationScoped
public class KieMigrations {

    @ConfigProperty(name = "outlay.kie-migrations.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeRole;

    @ConfigProperty(name = "quarkus.flyway.username")
    Optional<String> ownerUser;

    @ConfigProperty(name = "quarkus.flyway.password")
    Optional<String> ownerPassword;

    void onStart(@Observes @Priority(RuntimeRoleGuard.PRIORITY + 1) StartupEvent event) throws SQLException {
        if (!enabled) return;
        if (ownerUser.isEmpty() || ownerPassword.isEmpty()) {
            throw new IllegalStateException("Kogito's tables are migrated as the owner role: set quarkus.flyway.username and "
                    + "quarkus.flyway.password (see docs/runbooks/database-roles.md).");
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(url);
        owner.setUser(ownerUser.get());
        owner.setPassword(ownerPassword.get());
        KieFlywayRunner.get(new KieFlywayRunnerConfiguration(true, List.of())).runFlyway(owner);
        // KIE's migration histories are the owner's alone (the default privileges granted the runtime role rows).
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("DO $$ DECLARE t text; BEGIN FOR t IN SELECT c.relname FROM pg_catalog.pg_class c "
                    + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
                    + "AND c.relname LIKE 'kie\\_flyway\\_history\\_%' AND pg_catalog.pg_has_role(c.relowner, 'USAGE') LOOP "
                    + "EXECUTE pg_catalog.format('REVOKE ALL ON public.%I FROM %I', t, '" + runtimeRole.replace("'", "''") + "'); "
                    + "END LOOP; END $$");
        }
    }
}
