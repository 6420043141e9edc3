/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.scim.ScimMedia;
import dev.outlay.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform operator provisions a tenant by API (no SQL): create on a plan, read it, change plan and limits,
 * suspend (the tenant's API, SCIM and console answer 403 / nothing) and resume; every step is in the tenant's audit
 * chain. Only an operator token (operator role, no tenant claim) gets in.
 */
@QuarkusTest
class TenantProvisioningTest {

    static final String T = "prov-acme";

    @Inject
    TenantPlans plans;

    static String operator() {
        return "Bearer " + Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("olga").upn("olga")
                .groups(Set.of("outlay_operator")).expiresIn(3600).jws().sign(Tokens.privateKey());
    }

    @Test
    void operatorProvisionsSuspendsAndResumesATenant() {
        String op = operator();
        given().header("Authorization", op).contentType(ContentType.JSON)
                .body("{\"id\":\"" + T + "\",\"displayName\":\"Acme Corp\",\"plan\":\"team\",\"limits\":{\"connectedSources\":3}}")
                .post("/operator/v1/tenants").then().statusCode(201)
                .body("id", equalTo(T)).body("status", equalTo("active")).body("plan", equalTo("team"))
                .body("limits.connectedSources", equalTo(3)).body("limits.seats", nullValue());
        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"id\":\"" + T + "\"}")
                .post("/operator/v1/tenants").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"id\":\"Not A Slug\"}")
                .post("/operator/v1/tenants").then().statusCode(422).body("errors[0].field", equalTo("id"));
        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"id\":\"prov-x\",\"plan\":\"gold\"}")
                .post("/operator/v1/tenants").then().statusCode(422).body("errors[0].field", equalTo("plan"));
        given().header("Authorization", op).get("/operator/v1/tenants/prov-x").then().statusCode(404);

        // The tenant works at once (outside demo mode too: it exists now), and reads its plan.
        String admin = bearer(T, "ada", "admin");
        given().header("Authorization", admin).get("/api/v1/tenant/plan").then().statusCode(200)
                .body("plan", equalTo("team")).body("limits.connectedSources", equalTo(3));
        TenantPlan plan = plans.of(T).orElseThrow();
        assertEquals(new TenantLimits(3L, null, null, null), plan.limits(), "the read API metering calls");

        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"plan\":\"free\"}")
                .put("/operator/v1/tenants/" + T + "/plan").then().statusCode(200)
                .body("plan", equalTo("free")).body("limits.connectedSources", equalTo(2)).body("limits.seats", nullValue());
        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"plan\":\"free\",\"limits\":{\"seats\":-1}}")
                .put("/operator/v1/tenants/" + T + "/plan").then().statusCode(422).body("errors[0].field", equalTo("limits.seats"));
        assertEquals("free", plans.of(T).orElseThrow().plan(), "a refused change changes nothing");

        // Suspend: the tenant's API answers 403 problem+json, SCIM a SCIM 403, the console shows no session.
        String scimSecret = given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/scim/secrets").then().statusCode(201).extract().path("secret");
        given().header("Authorization", op).contentType(ContentType.JSON).body("{\"reason\":\"invoice unpaid\"}")
                .post("/operator/v1/tenants/" + T + "/suspend").then().statusCode(200)
                .body("status", equalTo("suspended")).body("statusReason", equalTo("invoice unpaid"));
        given().header("Authorization", admin).get("/api/v1/me").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("suspended"));
        given().header("Authorization", "Bearer " + scimSecret).accept(ScimMedia.TYPE).get("/scim/v2/Users").then().statusCode(403)
                .contentType(ScimMedia.TYPE).body("schemas[0]", equalTo(ScimMedia.ERROR)).body("status", equalTo("403"));
        given().header("Authorization", bearer("prov-other", "ada", "admin")).get("/api/v1/me").then().statusCode(200);

        given().header("Authorization", op).contentType(ContentType.JSON).body("{}")
                .post("/operator/v1/tenants/" + T + "/resume").then().statusCode(200).body("status", equalTo("active"));
        given().header("Authorization", admin).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + scimSecret).accept(ScimMedia.TYPE).get("/scim/v2/Users").then().statusCode(200);

        List<Map<String, Object>> audit = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (String action : List.of("tenant.provision", "tenant.plan", "tenant.suspend", "tenant.resume")) {
            assertTrue(audit.stream().anyMatch(e -> action.equals(e.get("action")) && "operator:olga".equals(e.get("actor"))),
                    action + " is in the tenant's audit chain by the operator: " + audit);
        }
        List<Map<String, Object>> listed = given().header("Authorization", op).get("/operator/v1/tenants")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(listed.stream().anyMatch(t -> T.equals(t.get("id"))));
    }

    @Test
    void onlyAnOperatorTokenWithoutATenantGetsIn() {
        given().get("/operator/v1/tenants").then().statusCode(401).contentType("application/problem+json");
        // A tenant admin, and a tenant token that carries the operator role too: both refused.
        given().header("Authorization", bearer("prov-other", "ada", "admin")).get("/operator/v1/tenants").then().statusCode(403);
        given().header("Authorization", bearer("prov-other", "eve", "admin", "outlay_operator")).get("/operator/v1/tenants")
                .then().statusCode(403).body("detail", containsString("names a tenant"));
        // A token without tenant and without the role.
        String noRole = "Bearer " + Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("nobody").upn("nobody")
                .groups(Set.of("admin")).expiresIn(3600).jws().sign(Tokens.privateKey());
        given().header("Authorization", noRole).get("/operator/v1/tenants").then().statusCode(403);
        // The operator's token is not a tenant's: every tenant route refuses it.
        given().header("Authorization", operator()).get("/api/v1/me").then().statusCode(401);
    }
}
