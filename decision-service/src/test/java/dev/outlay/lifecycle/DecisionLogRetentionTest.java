/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DecisionLogRetentionTest {

    @Inject
    DecisionLogRetention retention;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void deletesOnlyRecordsOlderThanTheWindowAndAuditsIt() throws SQLException {
        String auth = bearer("retain", "r", "finops_admin");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", auth).contentType(ContentType.JSON)
                    .body(Map.of("resourceClass", "standard", "environment", "dev", "amount", i, "budgetRemaining", 100, "forecastOverrunPct", 0, "owner", "web"))
                    .post("/api/v1/decisions/spend-policy/evaluate").then().statusCode(200);
        }
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("SET session_replication_role = replica"); // age two records (bypassing the append-only trigger)
            st.executeUpdate("UPDATE outlay.decision_log SET at = now() - interval '400 days' WHERE id IN "
                    + "(SELECT id FROM outlay.decision_log WHERE tenant_id = 'retain' ORDER BY at LIMIT 2)");
        }
        assertTrue(retention.enforce(365) >= 2);
        assertEquals(1, count("SELECT count(*) FROM outlay.decision_log WHERE tenant_id = 'retain'"));
        assertEquals(1, count("SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = 'retain' AND action = 'retention.decision_log'"));
        assertThrows(IllegalArgumentException.class, () -> retention.enforce(0));
    }

    private long count(String sql) throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
