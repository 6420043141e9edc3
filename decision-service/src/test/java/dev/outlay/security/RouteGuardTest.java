/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14, routes: what the outside probe reproduced, one test each. */
@QuarkusTest
class RouteGuardTest {

    static final String FOREIGN = "route-guard-foreign";

    @Inject
    InternalSecret secret;

    @Test
    void jobsServiceShutdownIsRefusedToEveryCallerAndTheServiceStaysUp() {
        for (RequestSpecification caller : new RequestSpecification[]{
                given(),
                given().header("Authorization", bearer(FOREIGN, "eng", "engineering")),
                given().header("Authorization", bearer(FOREIGN, "adm", "admin")),
                given().header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1"),
                given().header(InternalSecret.HEADER, secret.value())}) {
            caller.post("/management/shutdown").then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", bearer(FOREIGN, "eng", "engineering")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void jobsRoutesAnswerOnlyWithThePerStartSecret() {
        String admin = bearer(FOREIGN, "adm", "admin");
        String[][] routes = {{"GET", "/v2/jobs/j-1"}, {"DELETE", "/v2/jobs/j-1"}, {"POST", "/v2/jobs"}, {"GET", "/jobs/j-1"},
                {"POST", "/jobs"}, {"POST", "/management/jobs/spendApproval/instances/p-1/timers/t-1"}, {"GET", "/callback"}};
        for (String[] r : routes) {
            given().contentType(ContentType.JSON).body("{}").request(r[0], r[1]).then().statusCode(404);
            given().header("Authorization", admin).contentType(ContentType.JSON).body("{}").request(r[0], r[1]).then().statusCode(404);
            given().header(InternalSecret.HEADER, "guess").header("X-Forwarded-For", "127.0.0.1").contentType(ContentType.JSON)
                    .body("{}").request(r[0], r[1]).then().statusCode(404);
        }
        // With the secret the jobs service itself answers (no such job), not the guard.
        given().header(InternalSecret.HEADER, secret.value()).get("/v2/jobs/j-1")
                .then().statusCode(404).body("detail", not(startsWith("No route")));
    }

    @Test
    void matrixParametersNoLongerReachTheRawRoutes() {
        for (String role : new String[]{"engineering", "approver", "admin"}) {
            String token = bearer(FOREIGN, "m-" + role, role);
            for (String path : new String[]{"/spendApproval;x=1", "/usertasks;x=1/instance", "/policyViolationTriage;a=b",
                    "/usertasks/instance;x=1", "/api/v1/users;x=1", "//spendApproval", "/api/v1/%2e%2e/%2e%2e/spendApproval",
                    "/usertasks%2Finstance"}) {
                var response = RawHttp.get(io.restassured.RestAssured.port, path, token);
                assertEquals(400, response.statusCode(), path + " as " + role + ": " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
                assertTrue(response.body().contains("\"requestId\""), response.body());
            }
        }
        // The plain spellings: non-admins refused, admins read.
        given().header("Authorization", bearer(FOREIGN, "eng", "engineering")).get("/spendApproval").then().statusCode(403);
        given().header("Authorization", bearer(FOREIGN, "adm", "admin")).get("/spendApproval").then().statusCode(200);
    }

    @Test
    void unauthenticatedCallsAre401BeforeContentNegotiation() {
        String[][] routes = {{"POST", "/api/v1/ingestions"}, {"POST", "/api/v1/ingestions/dry-run"},
                {"PUT", "/api/v1/sources/s-1/mapping"}, {"POST", "/api/v1/rulesets/allocation/versions"},
                {"POST", "/api/v1/rulesets/allocation/versions/abc/table.csv"}};
        for (String[] r : routes) {
            given().contentType("application/x-unknown").body("x".getBytes()).request(r[0], r[1])
                    .then().statusCode(401).contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        }
        given().header("Authorization", bearer(FOREIGN, "fa", "finops_admin")).contentType("application/x-unknown").body("x".getBytes())
                .post("/api/v1/ingestions").then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void routesNobodyClassifiedAreRefused() {
        String admin = bearer(FOREIGN, "adm", "admin");
        for (String path : new String[]{"/index.html", "/Console", "/consoles", "/q/dev-ui", "/API/v1/me", "/Spendapproval", "/callback",
                "/SpendPolicy", "/dmnDefinitions.json", "/api/v2/me"}) {
            given().header("Authorization", admin).get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        given().post("/q/health").then().statusCode(405);
        // The console's entry is classified, but a bearer token is not a console session: off to sign-in, no page.
        given().header("Authorization", admin).redirects().follow(false).get("/").then().statusCode(303);
        // Quarkus serves /q/* from its own router: the guard still sees those requests first (Vert.x alone would
        // resolve the dot segment and answer 200).
        assertEquals(400, RawHttp.get(io.restassured.RestAssured.port, "/q/health/live/../ready", null).statusCode());
        assertEquals(400, RawHttp.get(io.restassured.RestAssured.port, "/q/health;x=1", null).statusCode());
        given().get("/q/health/live").then().statusCode(200);
    }
}
