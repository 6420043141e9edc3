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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check accepts the provisioned runtime role and refuses every role that could get around RLS. */
@QuarkusTest
class RuntimeRoleCheckTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void theProvisionedRuntimeRoleIsFit() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertDoesNotThrow(() -> RuntimeRoleCheck.requireFit(c));
        }
    }

    @Test
    void aSuperuserIsRefused() throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl)) {
            RuntimeRoleCheck.UnfitRuntimeRole e = assertThrows(RuntimeRoleCheck.UnfitRuntimeRole.class, () -> RuntimeRoleCheck.requireFit(su));
            assertTrue(e.getMessage().contains("Outlay refuses to run") && e.getMessage().contains("superuser"), e.getMessage());
            assertTrue(e.getMessage().contains("database-roles.md"), "the message names the runbook: " + e.getMessage());
        }
    }

    @Test
    void theOwnerRoleIsRefused() throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("SET ROLE " + DatabaseRoles.OWNER);
            List<String> problems = RuntimeRoleCheck.problems(su);
            assertTrue(problems.contains("it owns schema outlay"), problems.toString());
            // The check names at most 20 owned objects (alphabetically), so which tables it names depends on the schema.
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("it owns table outlay.")), problems.toString());
        }
    }

    @Test
    void aRoleWithBypassRlsOrMembershipOfTheOwnerIsRefused() throws SQLException {
        String role = "outlay_check_" + ProcessHandle.current().pid();
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + role);
            st.execute("CREATE ROLE " + role + " NOLOGIN BYPASSRLS IN ROLE " + DatabaseRoles.OWNER);
            try {
                st.execute("SET ROLE " + role);
                List<String> problems = RuntimeRoleCheck.problems(su);
                assertTrue(problems.contains("it has BYPASSRLS"), problems.toString());
                assertTrue(problems.contains("it is a member of outlay_owner, which owns schema outlay"), problems.toString());
            } finally {
                st.execute("RESET ROLE");
                st.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theRuntimeRoleOwningATableIsRefused() throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("CREATE TABLE public.role_check_probe (a int)");
            try {
                st.execute("ALTER TABLE public.role_check_probe OWNER TO " + DatabaseRoles.RUNTIME);
                try (Connection c = dataSource.getConnection()) {
                    RuntimeRoleCheck.UnfitRuntimeRole e = assertThrows(RuntimeRoleCheck.UnfitRuntimeRole.class, () -> RuntimeRoleCheck.requireFit(c));
                    assertTrue(e.getMessage().contains("it owns table public.role_check_probe"), e.getMessage());
                }
            } finally {
                st.execute("DROP TABLE public.role_check_probe");
            }
        }
    }
}
