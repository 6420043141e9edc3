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
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.outlay.scim.ScimClient.expect;
import static dev.outlay.scim.ScimClient.expectError;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request sequences Okta and Entra ID send when they provision into an app (create user, find by filter, update,
 * push a group, add and remove members, deactivate, delete), replayed against a tenant with the bodies they send,
 * and the roles those groups map to through the tenant's mapping.
 */
@QuarkusTest
class ScimIdpSequencesTest {

    static final String OKTA = "scim-okta-co";
    static final String ENTRA = "scim-entra-co";
    static final String U = ScimMedia.USER;
    static final String P = ScimMedia.PATCH;

    @Inject
    TenantRegistry tenants;

    @Inject
    ScimRoleMappings mappings;

    @BeforeEach
    void tenants() {
        tenants.ensure(OKTA, OKTA, false);
        tenants.ensure(ENTRA, ENTRA, false);
    }

    private void mapGroup(String tenant, String group, String role) {
        given().header("Authorization", bearer(tenant, "scim-admin", "admin")).contentType(ContentType.JSON)
                .body("{\"mappings\":[{\"group\":\"" + group + "\",\"roles\":[\"" + role + "\"]}]}")
                .put("/api/v1/scim/role-mappings").then().statusCode(200);
    }

    private Set<String> rolesOf(String tenant, String subject) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> mappings.user(subject).map(ProvisionedUser::roles).orElseThrow());
    }

    @Test
    void oktaProvisioningSequence() {
        mapGroup(OKTA, "Outlay Approvers", "approver");
        ScimClient okta = new ScimClient(ScimClient.issue(OKTA, null));

        // Test connection: Okta lists two users.
        JsonNode page = expect(okta.list("Users", null, 1, 2, null), 200);
        assertEquals(ScimMedia.LIST, page.path("schemas").path(0).asText());
        assertTrue(page.has("totalResults") && page.has("itemsPerPage") && page.path("startIndex").asInt() == 1, page.toString());

        // Does the user exist? Then create it (Okta sends a password and an empty groups array).
        assertEquals(0, expect(okta.list("Users", "userName eq \"dana@okta.example\"", 1, 100, null), 200).path("totalResults").asInt());
        JsonNode created = expect(okta.send("POST", "/Users", """
                {"schemas":["%s"],"userName":"dana@okta.example","name":{"givenName":"Dana","familyName":"Okafor"},
                 "emails":[{"primary":true,"value":"dana@okta.example","type":"work"}],"displayName":"Dana Okafor",
                 "locale":"en-US","externalId":"00u1dana","groups":[],"password":"pa55-word!","active":true}""".formatted(U)), 201);
        String id = created.path("id").asText();
        assertFalse(created.has("password"), "a password is never stored nor returned");
        assertTrue(created.path("active").asBoolean());
        assertEquals("W/\"1\"", created.path("meta").path("version").asText());

        var read = okta.get("/Users/" + id);
        JsonNode user = expect(read, 200);
        assertEquals("W/\"1\"", read.header("ETag"));
        assertEquals("dana@okta.example", user.path("userName").asText());
        assertTrue(user.path("meta").path("location").asText().endsWith("/scim/v2/Users/" + id));

        // Okta (AIW apps) updates with a full PUT.
        JsonNode put = expect(okta.spec().header("If-Match", "W/\"1\"").contentType(ScimClient.TYPE).body("""
                {"schemas":["%s"],"id":"%s","userName":"dana@okta.example","name":{"givenName":"Dana","familyName":"Okafor-Lee"},
                 "emails":[{"primary":true,"value":"dana@okta.example","type":"work"}],"displayName":"Dana Okafor-Lee","active":true}"""
                .formatted(U, id)).put("/scim/v2/Users/" + id), 200);
        assertEquals("Okafor-Lee", put.path("name").path("familyName").asText());
        assertEquals("W/\"2\"", put.path("meta").path("version").asText());

        // Group push: create, then add the member, rename with Okta's id-carrying replace, remove with a filter path.
        assertEquals(0, expect(okta.list("Groups", "displayName eq \"Outlay Approvers\"", null, null, null), 200).path("totalResults").asInt());
        String gid = expect(okta.send("POST", "/Groups", """
                {"schemas":["%s"],"displayName":"Outlay Approvers","members":[]}""".formatted(ScimMedia.GROUP)), 201).path("id").asText();
        JsonNode added = expect(okta.send("PATCH", "/Groups/" + gid, """
                {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"dana@okta.example"}]}]}"""
                .formatted(P, id)), 200);
        assertEquals(id, added.path("members").path(0).path("value").asText());
        assertEquals(Set.of("approver"), rolesOf(OKTA, "dana@okta.example"), "the group maps to approver");
        assertEquals(gid, expect(okta.get("/Users/" + id), 200).path("groups").path(0).path("value").asText());

        JsonNode renamed = expect(okta.send("PATCH", "/Groups/" + gid, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"id":"%s","displayName":"Outlay Approvers"}}]}"""
                .formatted(P, gid)), 200);
        assertEquals(1, renamed.path("members").size(), "a rename keeps the members");

        JsonNode removed = expect(okta.send("PATCH", "/Groups/" + gid, """
                {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(P, id)), 200);
        assertEquals(0, removed.path("members").size());
        assertEquals(Set.of(), rolesOf(OKTA, "dana@okta.example"));

        // Deactivate: Okta replaces active with a path-less value object.
        JsonNode off = expect(okta.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(P)), 200);
        assertFalse(off.path("active").asBoolean());
        assertTrue(off.path("active").isBoolean());

        expect(okta.delete("/Groups/" + gid), 204);
        expect(okta.delete("/Users/" + id), 204);
        expectError(okta.get("/Users/" + id), 404, null);

        List<String> actions = given().header("Authorization", bearer(OKTA, "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        for (String a : List.of("scim.secret.rotate", "scim.secret.use", "scim.user.create", "scim.user.update", "scim.group.update",
                "scim.user.deprovision", "scim.user.delete", "scim.role-mapping.replace")) {
            assertTrue(actions.contains(a), a + " is audited: " + actions);
        }
    }

    @Test
    void entraIdProvisioningSequence() {
        mapGroup(ENTRA, "FinOps Admins", "finops_admin");
        ScimClient entra = new ScimClient(ScimClient.issue(ENTRA, null));
        String e = ScimMedia.ENTERPRISE_USER;

        assertEquals(0, expect(entra.list("Users", "userName eq \"erin@entra.example\"", null, null, null), 200).path("totalResults").asInt());
        JsonNode created = expect(entra.send("POST", "/Users", """
                {"schemas":["%s","%s"],"externalId":"8c5b9f1e-erin","userName":"erin@entra.example","active":true,
                 "displayName":"Erin Entwistle","emails":[{"primary":true,"type":"work","value":"erin@entra.example"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"Erin Entwistle","familyName":"Entwistle","givenName":"Erin"},
                 "%s":{"department":"Finance"}}""".formatted(U, e, e)), 201);
        String id = created.path("id").asText();
        assertEquals("Finance", created.path(e).path("department").asText());
        assertEquals(id, expect(entra.list("Users", "externalId eq \"8c5b9f1e-erin\"", null, null, null), 200)
                .path("Resources").path(0).path("id").asText());

        // Attribute updates: capitalised ops, a value-filter path, a sub-attribute, an extension by URN.
        JsonNode patched = expect(entra.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[
                  {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"erin.e@entra.example"},
                  {"op":"Replace","path":"name.familyName","value":"Entwistle-Ng"},
                  {"op":"Add","path":"%s:department","value":"FinOps"}]}""".formatted(P, e)), 200);
        assertEquals("erin.e@entra.example", patched.path("emails").path(0).path("value").asText());
        assertEquals("Entwistle-Ng", patched.path("name").path("familyName").asText());
        assertEquals("FinOps", patched.path(e).path("department").asText());

        String gid = expect(entra.send("POST", "/Groups", """
                {"externalId":"3f2a-finops","displayName":"FinOps Admins","meta":{"resourceType":"Group"},"schemas":["%s"]}"""
                .formatted(ScimMedia.GROUP)), 201).path("id").asText();
        JsonNode found = expect(entra.list("Groups", "displayName eq \"FinOps Admins\"", null, null, "members"), 200);
        assertEquals(gid, found.path("Resources").path(0).path("id").asText());
        assertFalse(found.path("Resources").path(0).has("members"), "excludedAttributes=members leaves them out");

        expect(entra.send("PATCH", "/Groups/" + gid, """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}""".formatted(P, id)), 200);
        assertEquals(1, expect(entra.list("Groups", "id eq \"" + gid + "\" and members eq \"" + id + "\"", null, null, "members"), 200)
                .path("totalResults").asInt(), "Entra ID's membership check");
        assertEquals(Set.of("finops_admin"), rolesOf(ENTRA, "erin@entra.example"));

        expect(entra.send("PATCH", "/Groups/" + gid, """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"%s"}]}]}""".formatted(P, id)), 200);
        assertEquals(0, expect(entra.list("Groups", "id eq \"" + gid + "\" and members eq \"" + id + "\"", null, null, "members"), 200)
                .path("totalResults").asInt());

        // Soft delete: Entra ID sends active as the string "False".
        JsonNode off = expect(entra.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""".formatted(P)), 200);
        assertTrue(off.path("active").isBoolean() && !off.path("active").booleanValue(), off.toString());
        assertFalse(expect(entra.list("Users", "userName eq \"erin@entra.example\"", null, null, null), 200)
                .path("Resources").path(0).path("active").asBoolean(), "a filtered GET shows the user inactive");
        // ...and back: a reactivation is a PATCH too.
        assertTrue(expect(entra.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"True"}]}""".formatted(P)), 200).path("active").asBoolean());
        expect(entra.delete("/Users/" + id), 204);
        assertEquals(0, expect(entra.list("Users", "userName eq \"erin@entra.example\"", null, null, null), 200).path("totalResults").asInt());
    }

    @Test
    void discoveryDocuments() {
        ScimClient c = new ScimClient(ScimClient.issue(OKTA, null));
        JsonNode config = expect(c.get("/ServiceProviderConfig"), 200);
        assertTrue(config.path("patch").path("supported").asBoolean());
        assertTrue(config.path("etag").path("supported").asBoolean());
        assertFalse(config.path("bulk").path("supported").asBoolean());
        assertEquals(3, expect(c.get("/Schemas"), 200).path("totalResults").asInt());
        assertEquals("User", expect(c.get("/Schemas/" + U), 200).path("name").asText());
        assertEquals(2, expect(c.get("/ResourceTypes"), 200).path("totalResults").asInt());
        assertEquals("/Groups", expect(c.get("/ResourceTypes/Group"), 200).path("endpoint").asText());
        expectError(c.get("/ResourceTypes/Device"), 404, null);
        assertNotEquals(0, config.path("authenticationSchemes").size());
    }
}
