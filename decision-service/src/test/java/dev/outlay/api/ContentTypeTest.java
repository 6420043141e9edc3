/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body of the wrong media type answers 415 as application/problem+json and changes nothing, for each family of
 * body-taking routes: JSON commands, the multipart ingestion upload, rule-version uploads (XML/DRL/JSON) and the
 * decision-table CSV import. "Nothing" is checked on the tenant's rows in every table (superuser count).
 */
@QuarkusTest
class ContentTypeTest {

    static final String T = "content-type";
    static final String ALL = "admin,finops_admin,finance,platform,engineering,leadership,approver,auditor";

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    record Probe(String path, String contentType, String body) {
    }

    static final List<Probe> PROBES = List.of(
            // JSON command routes, sent text/plain
            new Probe("/api/v1/connections", "text/plain", "{\"name\":\"x\"}"),
            new Probe("/api/v1/budgets", "text/plain", "{\"name\":\"x\"}"),
            new Probe("/api/v1/spend-requests", "text/plain", "{}"),
            new Probe("/api/v1/violations", "text/plain", "{}"),
            new Probe("/api/v1/decisions/spend-policy/evaluate", "text/plain", "{}"),
            new Probe("/api/v1/policy/evaluate", "text/plain", "{}"),
            new Probe("/api/v1/allocations/runs", "text/plain", "{\"billingPeriod\":\"2024-10\"}"),
            new Probe("/api/v1/anomalies/detect", "text/plain", "{}"),
            new Probe("/api/v1/sources/test-cur/backfill", "text/plain", "{}"),
            new Probe("/api/v1/tenant/delete", "text/plain", "{}"),
            // the multipart upload, sent JSON
            new Probe("/api/v1/ingestions", "application/json", "{\"source\":\"aws-cur\"}"),
            // rule-version uploads (XML, DRL text or JSON), sent as bytes of no declared kind
            new Probe("/api/v1/rulesets/spend-policy/versions", "application/octet-stream", "<definitions/>"),
            // the decision-table import (CSV), sent JSON
            new Probe("/api/v1/rulesets/spend-policy/versions/abc/table.csv", "application/json", "{}"));

    @Test
    void wrongContentTypeIs415ProblemAndChangesNothing() throws SQLException {
        String auth = bearer(T, "ct-admin", ALL.split(","));
        given().header("Authorization", auth).get("/api/v1/me").then().statusCode(200);
        long before = rowsOfTenant();
        List<String> failures = new ArrayList<>();
        for (Probe p : PROBES) {
            Response r = given().header("Authorization", auth).contentType(p.contentType()).body(p.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(p.path());
            String type = r.contentType() == null ? "" : r.contentType();
            if (r.statusCode() != 415 || !type.startsWith("application/problem+json")) {
                failures.add("POST " + p.path() + " as " + p.contentType() + " -> " + r.statusCode() + " " + type + " " + r.asString());
            } else if (r.jsonPath().getInt("status") != 415 || r.jsonPath().getString("instance") == null) {
                failures.add("POST " + p.path() + ": the problem does not say what and where: " + r.asString());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, rowsOfTenant(), "a refused request changed the tenant's rows");
    }

    /** Every row of the tenant in every tenant-owned table (the audit log included: any change writes one). */
    private long rowsOfTenant() throws SQLException {
        long total = 0;
        try (Connection c = DriverManager.getConnection(superuserUrl)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_schema || '.' || table_name FROM information_schema.columns "
                    + "WHERE column_name = 'tenant_id' AND table_schema = 'outlay'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t + " WHERE tenant_id = ?")) {
                    ps.setString(1, T);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
        }
        return total;
    }
}
