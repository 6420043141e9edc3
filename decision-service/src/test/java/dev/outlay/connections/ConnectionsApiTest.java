/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections: validated, audited, tenant-scoped, and their credentials never leave the service in clear. */
@QuarkusTest
class ConnectionsApiTest {

    static final String T = "conn-api";
    static final String ACCESS_KEY = "AKIAPLAINTEXTKEY0001";
    static final String SECRET = "wJalrXUtnFEMI-plaintext-secret-K7MDENG";

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    static Map<String, Object> body(String name, Map<String, Object> config, Map<String, Object> credentials) {
        Map<String, Object> b = new java.util.HashMap<>(Map.of("name", name, "kind", "aws-s3", "config", config));
        if (credentials != null) b.put("credentials", credentials);
        return b;
    }

    static Map<String, Object> s3(String bucket) {
        return Map.of("bucket", bucket, "prefix", "cur", "exportName", "acme-focus", "region", "eu-west-1");
    }

    static Map<String, Object> keys() {
        return Map.of("accessKeyId", ACCESS_KEY, "secretAccessKey", SECRET);
    }

    @Test
    void credentialsAreSealedAtRestAndNeverReturnedOrAudited() throws Exception {
        String admin = bearer(T, "root", "admin");
        String created = given().header("Authorization", admin).contentType(ContentType.JSON).body(body("acme-cur", s3("acme-billing"), keys()))
                .post("/api/v1/connections").then().statusCode(201)
                .body("credentials.secretAccessKey", equalTo("***")).body("credentials.accessKeyId", equalTo("***"))
                .body("hasSecret", equalTo(true)).body("config.bucket", equalTo("acme-billing")).body("enabled", equalTo(true))
                .extract().asString();
        assertNoSecret(created, "create answer");
        String id = given().header("Authorization", admin).get("/api/v1/connections").then().statusCode(200)
                .body("name", hasItem("acme-cur")).extract().path("find { it.name == 'acme-cur' }.id");
        assertNoSecret(given().header("Authorization", admin).get("/api/v1/connections").asString(), "list");
        assertNoSecret(given().header("Authorization", admin).get("/api/v1/connections/" + id).asString(), "get");

        // Settings change without resending the secret: it is kept. A rename is refused (it scopes loaded rows).
        String updated = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-cur", "kind", "aws-s3", "enabled", false, "config", s3("acme-billing-2")))
                .put("/api/v1/connections/" + id).then().statusCode(200)
                .body("hasSecret", equalTo(true)).body("enabled", equalTo(false)).body("config.bucket", equalTo("acme-billing-2"))
                .extract().asString();
        assertNoSecret(updated, "update answer");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("renamed", s3("acme-billing"), null))
                .put("/api/v1/connections/" + id).then().statusCode(422).body("errors[0].field", equalTo("name"));

        try (Connection c = DriverManager.getConnection(superuserUrl)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT row_to_json(x)::text, x.sealed_secret FROM outlay.connection x WHERE id = ?::uuid")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertNoSecret(rs.getString(1), "the stored row");
                    assertTrue(rs.getString(2).startsWith("v1:"), "credentials are stored sealed");
                }
            }
        }

        given().header("Authorization", admin).delete("/api/v1/connections/" + id).then().statusCode(204);
        given().header("Authorization", admin).get("/api/v1/connections/" + id).then().statusCode(404);

        List<String> actions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl);
             PreparedStatement ps = c.prepareStatement("SELECT action, coalesce(before_json, ''), coalesce(after_json, '') FROM outlay.audit_entry "
                     + "WHERE tenant_id = ? AND object_type = 'connection' AND object_id = ? ORDER BY seq")) {
            ps.setString(1, T);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                    assertNoSecret(rs.getString(2), "audit before of " + rs.getString(1));
                    assertNoSecret(rs.getString(3), "audit after of " + rs.getString(1));
                }
            }
        }
        assertEquals(List.of("connection.create", "connection.update", "connection.delete"), actions);
    }

    @Test
    void invalidConfigAnswers422NamingTheField() {
        String admin = bearer(T, "root", "admin");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("bad", s3("Not_A_Bucket"), keys()))
                .post("/api/v1/connections").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("config.bucket"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(body("bad", s3("acme-billing"), null))
                .post("/api/v1/connections").then().statusCode(422).body("errors.field", hasItem("credentials"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(body("bad", Map.of("bucket", "acme-billing", "exportName", "x", "endpoint", "file:///etc/passwd"), keys()))
                .post("/api/v1/connections").then().statusCode(422).body("errors.field", hasItem("config.endpoint"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "ftp", "config", s3("acme-billing"), "credentials", keys()))
                .post("/api/v1/connections").then().statusCode(422).body("errors.field", hasItem("kind"));
    }

    @Test
    void onlyAdminsWriteAndOtherTenantsSeeNothing() {
        String id = given().header("Authorization", bearer(T, "root", "admin")).contentType(ContentType.JSON)
                .body(body("scoped", s3("acme-billing"), keys())).post("/api/v1/connections").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(T, "fo", "finops_admin")).get("/api/v1/connections/" + id).then().statusCode(200);
        given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(body("other", s3("acme-billing"), keys())).post("/api/v1/connections").then().statusCode(403);
        given().header("Authorization", bearer(T, "eng", "engineering")).get("/api/v1/connections").then().statusCode(403);

        String otherAdmin = bearer("conn-api-other", "root", "admin");
        given().header("Authorization", otherAdmin).get("/api/v1/connections").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", otherAdmin).get("/api/v1/connections/" + id).then().statusCode(404);
        given().header("Authorization", otherAdmin).contentType(ContentType.JSON).body(body("scoped", s3("acme-billing"), null))
                .put("/api/v1/connections/" + id).then().statusCode(404);
        given().header("Authorization", otherAdmin).delete("/api/v1/connections/" + id).then().statusCode(404);
        given().header("Authorization", bearer(T, "root", "admin")).get("/api/v1/connections/" + id).then().statusCode(200);
    }

    static void assertNoSecret(String text, String where) {
        assertFalse(text.contains(SECRET), "secret access key in clear in " + where + ": " + text);
        assertFalse(text.contains(ACCESS_KEY), "access key id in clear in " + where + ": " + text);
    }
}
