/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    private void write(String tenant, int n) {
        TenantContext.runAs(TenantContext.system(tenant), () -> {
            for (int i = 0; i < n; i++) {
                audit.record("budget.update", "budget", "b-" + i, Map.of("amount", i), Map.of("amount", i + 1, "note", "a,\"b\""));
            }
        });
    }

    @Test
    void chainVerifiesAndIsVisibleToAuditorsOnly() {
        write("audit-ok", 3);
        given().header("Authorization", bearer("audit-ok", "aud", "auditor")).get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("entries", equalTo(3)).body("firstBrokenSeq", nullValue());
        given().header("Authorization", bearer("audit-ok", "aud", "auditor")).get("/api/v1/audit?action=budget.update")
                .then().statusCode(200).body("$", hasSize(3)).body("[0].seq", equalTo(1)).body("[0].actor", equalTo("system"));
        given().header("Authorization", bearer("audit-ok", "aud", "auditor")).get("/api/v1/audit?format=csv")
                .then().statusCode(200).body(containsString("seq,at,actor")).body(containsString("\"{\"\"amount\"\":1,\"\"note\"\":\"\"a,\\\"\"b\\\"\"\"\"}\""));
        given().header("Authorization", bearer("audit-ok", "eng", "engineering")).get("/api/v1/audit")
                .then().statusCode(403);
        given().header("Authorization", bearer("audit-ok", "aud", "auditor")).get("/api/v1/audit?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void anotherTenantSeesNoneOfTheChain() {
        write("audit-a", 2);
        given().header("Authorization", bearer("audit-b", "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void serviceRoleCannotRewriteOrDeleteEntries() {
        write("audit-ro", 1);
        TenantContext.runAs(TenantContext.system("audit-ro"), () -> {
            SQLException update = assertThrows(SQLException.class, () -> exec("UPDATE outlay.audit_entry SET actor = 'x'"));
            assertTrue(update.getMessage().contains("append-only") || update.getMessage().contains("permission denied"), update.getMessage());
            assertThrows(SQLException.class, () -> exec("DELETE FROM outlay.audit_entry"));
        });
    }

    @Test
    void tamperingIsDetectedAtTheTamperedRow() throws SQLException {
        write("audit-t", 4);
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("SET session_replication_role = replica"); // a superuser going around the append-only trigger
            st.executeUpdate("UPDATE outlay.audit_entry SET after_json = '{\"amount\":999}' WHERE tenant_id = 'audit-t' AND seq = 3");
        }
        given().header("Authorization", bearer("audit-t", "aud", "auditor")).get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(3))
                .body("reason", containsString("content"));
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
