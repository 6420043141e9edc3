/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Upload, poll and ledger-sum helpers shared by the ledger tests. */
final class LedgerTestSupport {

    private LedgerTestSupport() {
    }

    static byte[] fixture(String path) {
        try (InputStream in = LedgerTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String upload(String tenant, String source, String fileName, byte[] data, String mapping) {
        var req = given().header("Authorization", bearer(tenant, tenant + "-admin", "finops_admin"))
                .multiPart("source", source)
                .multiPart("file", fileName, data, "application/octet-stream");
        if (mapping != null) req = req.multiPart("mapping", mapping);
        return req.when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
    }

    static ValidatableResponse awaitDone(String tenant, String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            var r = given().header("Authorization", bearer(tenant, tenant + "-auditor", "auditor"))
                    .when().get("/api/v1/ingestions/" + id).then().statusCode(200);
            String status = r.extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) return r;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("ingestion " + id + " still " + status);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A single numeric/count value from a query run as the tenant (row-level security applies). */
    static BigDecimal scalar(AgroalDataSource ds, String tenant, String sql, Object... args) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    BigDecimal v = rs.getBigDecimal(1);
                    return v == null ? BigDecimal.ZERO : v;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void assertMoney(String expected, BigDecimal actual) {
        if (new BigDecimal(expected).compareTo(actual) != 0) throw new AssertionError("expected " + expected + " but was " + actual);
    }
}
