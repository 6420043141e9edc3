/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.outlay.scim.ScimClient.expect;
import static dev.outlay.scim.ScimClient.expectError;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SCIM secret is the only way in (a JWT, a wrong or foreign secret are 401 as SCIM errors), a second tenant's
 * secret sees nothing of the first, rotation keeps the old secret for the overlap only, and the protocol details
 * IdPs rely on: ETags, 412, uniqueness, paging, filters and error bodies.
 */
@QuarkusTest
class ScimSecretAndIsolationTest {

    static final String A = "scim-iso-a";
    static final String B = "scim-iso-b";

    @Inject
    TenantRegistry tenants;

    @BeforeEach
    void tenants() {
        tenants.ensure(A, A, false);
        tenants.ensure(B, B, false);
    }

    private static String user(String userName, String displayName) {
        return """
                {"schemas":["%s"],"userName":"%s","displayName":"%s","active":true}""".formatted(ScimMedia.USER, userName, displayName);
    }

    @Test
    void onlyTheTenantsSecretGetsInAndSeesOnlyItsTenant() {
        ScimClient a = new ScimClient(ScimClient.issue(A, null));
        ScimClient b = new ScimClient(ScimClient.issue(B, null));
        String id = expect(a.send("POST", "/Users", user("iso@a.example", "Iso A")), 201).path("id").asText();

        assertEquals(0, expect(b.list("Users", null, null, null, null), 200).path("totalResults").asInt());
        assertEquals(0, expect(b.list("Users", "userName eq \"iso@a.example\"", null, null, null), 200).path("totalResults").asInt());
        expectError(b.get("/Users/" + id), 404, null);
        expectError(b.send("PATCH", "/Users/" + id, "{\"schemas\":[\"" + ScimMedia.PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"), 404, null);
        expectError(b.delete("/Users/" + id), 404, null);
        assertTrue(expect(a.get("/Users/" + id), 200).path("active").asBoolean(), "untouched by the other tenant");

        // Wrong secrets: a changed random part, another tenant's name on B's secret, no secret, a JWT.
        String[] parts = b.secret.split("\\.");
        expectError(new ScimClient(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "x").get("/Users"), 401, null);
        expectError(new ScimClient(parts[0] + "." + A + "." + parts[2] + "." + parts[3]).get("/Users"), 401, null);
        expectError(given().accept(ScimClient.TYPE).get("/scim/v2/Users"), 401, null);
        var jwt = given().header("Authorization", bearer(A, "ada", "admin")).accept(ScimClient.TYPE).get("/scim/v2/Users");
        expectError(jwt, 401, null);
        assertTrue(jwt.header("WWW-Authenticate").startsWith("Bearer"));

        List<Map<String, Object>> refused = given().header("Authorization", bearer(B, "aud", "auditor"))
                .get("/api/v1/audit?action=scim.secret.refused").then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(refused.isEmpty(), "a refused secret of a known tenant is audited in that tenant");
    }

    @Test
    void rotationKeepsTheOldSecretForTheOverlapOnly() {
        String first = ScimClient.issue(A, null);
        String second = ScimClient.issue(A, 60);
        expect(new ScimClient(first).get("/Users"), 200);
        expect(new ScimClient(second).get("/Users"), 200);
        String third = ScimClient.issue(A, 0);
        expectError(new ScimClient(first).get("/Users"), 401, null);
        expectError(new ScimClient(second).get("/Users"), 401, null);
        expect(new ScimClient(third).get("/Users"), 200);

        String admin = bearer(A, "scim-admin", "admin");
        List<Map<String, Object>> listed = given().header("Authorization", admin).get("/api/v1/scim/secrets")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(listed.stream().noneMatch(m -> m.containsKey("secret") || m.containsKey("sealed")), "secrets are never listed: " + listed);
        String thirdId = third.split("\\.")[2];
        assertTrue(listed.stream().anyMatch(m -> thirdId.equals(m.get("id")) && Boolean.TRUE.equals(m.get("usable")) && m.get("lastUsedAt") != null));
        given().header("Authorization", admin).delete("/api/v1/scim/secrets/" + thirdId).then().statusCode(204);
        expectError(new ScimClient(third).get("/Users"), 401, null);
        given().header("Authorization", admin).delete("/api/v1/scim/secrets/" + thirdId).then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"overlapMinutes\":-1}")
                .post("/api/v1/scim/secrets").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", bearer(A, "fin", "finops_admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/scim/secrets").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"mappings\":[{\"group\":\"G\",\"roles\":[\"superadmin\"]}]}")
                .put("/api/v1/scim/role-mappings").then().statusCode(422);

        List<String> actions = given().header("Authorization", bearer(A, "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertTrue(actions.contains("scim.secret.rotate") && actions.contains("scim.secret.revoke") && actions.contains("scim.secret.use"), actions.toString());
    }

    @Test
    void etagsUniquenessPagingFiltersAndErrors() {
        ScimClient a = new ScimClient(ScimClient.issue(A, null));
        JsonNode u = expect(a.send("POST", "/Users", user("etag@a.example", "Etag Person")), 201);
        String id = u.path("id").asText();
        String patch = "{\"schemas\":[\"" + ScimMedia.PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]}";
        expect(a.spec().header("If-Match", "W/\"1\"").contentType(ScimClient.TYPE).body(patch).patch("/scim/v2/Users/" + id), 200);
        expectError(a.spec().header("If-Match", "W/\"1\"").contentType(ScimClient.TYPE).body(patch).patch("/scim/v2/Users/" + id), 412, null);
        expectError(a.spec().header("If-Match", "W/\"1\"").delete("/scim/v2/Users/" + id), 412, null);
        assertEquals("Renamed", expect(a.get("/Users/" + id), 200).path("displayName").asText(), "the refused PATCH changed nothing");

        expectError(a.send("POST", "/Users", user("ETAG@a.example", "Same name, other case")), 409, "uniqueness");
        expectError(a.send("POST", "/Users", "{\"schemas\":[\"" + ScimMedia.USER + "\"],\"displayName\":\"no userName\"}"), 400, "invalidValue");
        expectError(a.send("POST", "/Users", "{not json"), 400, null);
        expectError(a.list("Users", "userName eq \"a\" or userName eq \"b\"", null, null, null), 400, "invalidFilter");
        expectError(a.get("/Users/not-a-uuid"), 404, null);

        for (int i = 1; i <= 3; i++) expect(a.send("POST", "/Users", user("page" + i + "@a.example", "Pager " + i)), 201);
        JsonNode p1 = expect(a.list("Users", "displayName co \"pager\"", 1, 2, null), 200);
        assertEquals(3, p1.path("totalResults").asInt());
        assertEquals(2, p1.path("itemsPerPage").asInt());
        assertEquals(2, p1.path("Resources").size());
        JsonNode p2 = expect(a.list("Users", "displayName co \"pager\"", 3, 2, null), 200);
        assertEquals(1, p2.path("Resources").size());
        assertEquals(3, p2.path("startIndex").asInt());
        assertEquals("page3@a.example", p2.path("Resources").path(0).path("userName").asText());
        JsonNode both = expect(a.list("Users", "displayName co \"pager\" and userName eq \"PAGE2@a.example\"", null, null, null), 200);
        assertEquals(1, both.path("totalResults").asInt());
        assertEquals(0, expect(a.list("Users", null, 1, 0, null), 200).path("Resources").size(), "count=0 asks for the total only");
    }
}
