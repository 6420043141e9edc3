/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuthAndTenancyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/me"))
                .body("requestId", notNullValue());
    }

    @Test
    void forgedTokenIs401() {
        String token = bearer("demo", "mallory", "admin");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", forged).when().get("/api/v1/me")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void tokenWithoutTenantIs401() {
        String token = io.smallrye.jwt.build.Jwt.issuer("outlay-demo").audience(dev.outlay.support.Tokens.AUDIENCE)
                .subject("x").groups(Set.of("admin")).expiresIn(600).jws().sign(dev.outlay.support.Tokens.privateKey());
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me")
                .then().statusCode(401).body("detail", org.hamcrest.Matchers.containsString("tenant"));
    }

    /** Demo mode expects the audience "outlay" too (DemoAudience): a correctly signed demo token without it is refused. */
    @Test
    void demoTokenWithoutOrWithAnotherAudienceIs401() {
        var claims = io.smallrye.jwt.build.Jwt.issuer("outlay-demo").subject("demo-admin").upn("demo-admin")
                .claim("tenant", "demo").groups(Set.of("admin")).expiresIn(600);
        String noAudience = claims.jws().sign(dev.outlay.support.Tokens.privateKey());
        given().header("Authorization", "Bearer " + noAudience).when().get("/api/v1/me")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        String otherAudience = io.smallrye.jwt.build.Jwt.issuer("outlay-demo").audience("another-service").subject("demo-admin")
                .upn("demo-admin").claim("tenant", "demo").groups(Set.of("admin")).expiresIn(600)
                .jws().sign(dev.outlay.support.Tokens.privateKey());
        given().header("Authorization", "Bearer " + otherAudience).when().get("/api/v1/me")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void meAnswersWithTenantSubjectAndRoles() {
        given().header("Authorization", bearer("demo", "demo-finops_admin", "finops_admin", "auditor"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("tenant", equalTo("demo"))
                .body("subject", equalTo("demo-finops_admin"))
                .body("roles", contains("auditor", "finops_admin"));
    }

    @Test
    void tokenWithoutTheRoleIsRefusedOnAGuardedRoute() {
        given().header("Authorization", bearer("demo", "someone"))
                .when().get("/api/v1/users")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        given().header("Authorization", bearer("demo", "dev-1", "engineering"))
                .when().get("/api/v1/users")
                .then().statusCode(403);
    }

    @Test
    void secondTenantSeesNothingOfTheFirst() {
        given().header("Authorization", bearer("tenant-a", "alice-a", "engineering")).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer("tenant-b", "bob-b", "engineering")).get("/api/v1/me").then().statusCode(200);

        given().header("Authorization", bearer("tenant-b", "admin-b", "admin"))
                .when().get("/api/v1/users")
                .then().statusCode(200)
                .body("subject", hasItem("bob-b"))
                .body("subject", not(hasItem("alice-a")))
                .body("subject", not(hasItem("demo-admin")));
        given().header("Authorization", bearer("tenant-a", "admin-a", "admin"))
                .when().get("/api/v1/users")
                .then().statusCode(200)
                .body("subject", hasItem("alice-a"))
                .body("subject", not(hasItem("bob-b")));
    }

    @Test
    void rowLevelSecurityScopesQueriesThatForgetTheTenant() throws SQLException {
        given().header("Authorization", bearer("tenant-a", "alice-a", "engineering")).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer("tenant-b", "bob-b", "engineering")).get("/api/v1/me").then().statusCode(200);

        assertEquals(0, TenantContext.runAs(TenantContext.system("tenant-b"), () -> countAs("alice-a")));
        assertEquals(1, TenantContext.runAs(TenantContext.system("tenant-a"), () -> countAs("alice-a")));
        // No tenant bound: the policy matches nothing.
        assertEquals(0L, countAll());
    }

    private long countAs(String subject) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outlay.app_user WHERE subject = '" + subject + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countAll() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outlay.app_user")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void serviceRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertEquals(false, rs.getBoolean(1));
            assertEquals(false, rs.getBoolean(2));
        }
    }
}
