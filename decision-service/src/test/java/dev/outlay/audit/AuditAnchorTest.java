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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
import static org.hamcrest.Matchers.notNullValue;

/**
 * The audit chain is anchored: each append writes a signed checkpoint outside the chain's table, so deleting the
 * newest entries (which leaves a valid, shorter chain) or rewriting the tail with recomputed hashes fails
 * verification, and a checkpoint cannot be forged without the key. Uploads and dry runs are audited.
 */
@QuarkusTest
class AuditAnchorTest {

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    private void write(String tenant, int n) {
        TenantContext.runAs(TenantContext.system(tenant), () -> {
            for (int i = 0; i < n; i++) audit.record("budget.update", "budget", "b-" + i, null, Map.of("amount", i));
        });
    }

    private static io.restassured.response.ValidatableResponse verify(String tenant) {
        return given().header("Authorization", bearer(tenant, "aud", "auditor")).get("/api/v1/audit/verify").then().statusCode(200);
    }

    /** A superuser going around the append-only triggers, as an attacker with the database's keys would. */
    private void asSuperuser(String... sql) throws SQLException {
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (String s : sql) st.execute(s);
        }
    }

    @Test
    void anIntactChainReportsItsAnchoredHead() {
        write("anchor-ok", 3);
        verify("anchor-ok").body("valid", equalTo(true)).body("anchoring", equalTo("on"))
                .body("anchor.seq", equalTo(3)).body("anchor.anchors", equalTo(3)).body("anchor.headHash", notNullValue());
    }

    @Test
    void aTruncatedTailIsDetected() throws SQLException {
        write("anchor-cut", 5);
        asSuperuser("DELETE FROM outlay.audit_entry WHERE tenant_id = 'anchor-cut' AND seq > 3");
        // The shorter chain is still a valid hash chain; only the anchor knows it once reached seq 5.
        verify("anchor-cut").body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(4))
                .body("reason", containsString("missing")).body("anchor.seq", equalTo(5));
    }

    @Test
    void aRewrittenTailWithRecomputedHashesIsDetected() throws SQLException {
        write("anchor-rw", 3);
        // Replace entry 3 by a forged one whose hash links correctly to entry 2: the chain verifies, the anchor does not.
        String prev;
        try (Connection su = DriverManager.getConnection(superuserUrl); Statement st = su.createStatement();
             var rs = st.executeQuery("SELECT hash FROM outlay.audit_entry WHERE tenant_id = 'anchor-rw' AND seq = 2")) {
            rs.next();
            prev = rs.getString(1);
        }
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        String forged = AuditChain.hash(prev, 3, at, "mallory", "budget.update", "budget", "b-2", null, "{\"amount\":0}", null, null);
        asSuperuser("UPDATE outlay.audit_entry SET actor = 'mallory', at = '2026-01-01T00:00:00Z', after_json = '{\"amount\":0}', "
                + "request_id = NULL, client_address = NULL, hash = '" + forged + "' WHERE tenant_id = 'anchor-rw' AND seq = 3");
        verify("anchor-rw").body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(3)).body("reason", containsString("anchored hash"));
    }

    @Test
    void aForgedAnchorIsDetected() throws SQLException {
        write("anchor-forge", 2);
        asSuperuser("UPDATE outlay.audit_anchor SET mac = repeat('0', 64) WHERE tenant_id = 'anchor-forge' AND seq = 2");
        verify("anchor-forge").body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(2)).body("reason", containsString("signature"));
    }

    @Test
    void theServiceRoleCannotRemoveAnchors() {
        write("anchor-ro", 1);
        TenantContext.runAs(TenantContext.system("anchor-ro"), () -> {
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
                try (Connection c = dataSourceConnection(); Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM outlay.audit_anchor");
                }
            });
        });
        verify("anchor-ro").body("valid", equalTo(true)).body("anchor.seq", equalTo(1));
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private Connection dataSourceConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Test
    void uploadsAndDryRunsAreAudited() {
        String t = "audit-uploads";
        String auth = bearer(t, "uploader", "finops_admin");
        byte[] focus = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", auth).multiPart("source", "focus").multiPart("file", "f.csv", focus, "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/audit?action=ingestion.upload").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].actor", equalTo("uploader")).body("[0].after", containsString("\"objectKey\":\"f.csv\""))
                .body("[0].after", containsString("\"sha256\":"));
        byte[] invoice = "date,amount\n2024-10-01,12.50\n".getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", auth).multiPart("source", "invoice-csv").multiPart("file", "i.csv", invoice, "text/csv")
                .post("/api/v1/ingestions/dry-run").then().statusCode(200);
        // A dry run that fails (bad number) writes nothing, not even an audit entry.
        given().header("Authorization", auth).multiPart("source", "invoice-csv")
                .multiPart("file", "bad.csv", "date,amount\n2024-10-01,12.5O\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/ingestions/dry-run").then().statusCode(422);
        given().header("Authorization", bearer(t, "aud", "auditor")).get("/api/v1/audit?action=ingestion.dry-run").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].actor", equalTo("uploader")).body("[0].after", containsString("\"rowsRead\":1"));
        verify(t).body("valid", equalTo(true));
    }
}
