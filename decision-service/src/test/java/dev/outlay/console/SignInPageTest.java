/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo sign-in: a picker, a CSRF-checked form, a signed HttpOnly SameSite=Strict session; forged sessions are nobody. */
@QuarkusTest
class SignInPageTest {

    @Test
    void theRootSendsAnonymousBrowsersToSignIn() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/console/sign-in"));
        given().redirects().follow(false).get("/console").then().statusCode(303).header("Location", containsString("/console/sign-in"));
    }

    @Test
    void thePickerListsEveryDemoUserWithLabels() {
        given().get("/console/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"role-engineering\">demo-engineering"))
                .body(containsString("<label for=\"role-auditor\">demo-auditor"))
                .body(containsString("name=\"csrf\""));
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefusedAndOpensNoSession() {
        Response form = given().get("/console/sign-in");
        Response noToken = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("role", "finance").post("/console/sign-in");
        assertEquals(403, noToken.statusCode());
        assertNull(noToken.cookie(ConsoleSessions.COOKIE));
        Response wrongToken = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", "forged").formParam("role", "finance").post("/console/sign-in");
        assertEquals(403, wrongToken.statusCode());
        assertNull(wrongToken.cookie(ConsoleSessions.COOKIE));
        // The token in the form but no cookie to match: a cross-site form cannot read the cookie, so it cannot pass.
        Response noCookie = given().redirects().follow(false).formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString()))
                .formParam("role", "finance").post("/console/sign-in");
        assertEquals(403, noCookie.statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSigned() {
        Response form = given().get("/console/sign-in");
        Response signedIn = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString())).formParam("role", "finance").post("/console/sign-in");
        assertEquals(303, signedIn.statusCode());
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(ConsoleSessions.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String value = signedIn.cookie(ConsoleSessions.COOKIE);
        given().cookie(ConsoleSessions.COOKIE, value).get("/console").then().statusCode(200).body(containsString("demo-finance"));
        // Change one character of the signed payload: the session is nobody's.
        char c = value.charAt(3);
        String tampered = value.substring(0, 3) + (c == 'A' ? 'B' : 'A') + value.substring(4);
        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, tampered).get("/console").then().statusCode(303);
    }

    @Test
    void signOutNeedsTheTokenAndEndsTheSession() {
        ConsoleBrowser b = ConsoleBrowser.signIn("demo", "engineering");
        b.as().post("/console/sign-out").then().statusCode(403).body(not(containsString("Set-Cookie")));
        Response out = b.as().formParam("csrf", b.csrf).post("/console/sign-out");
        assertEquals(303, out.statusCode());
        assertEquals("", out.cookie(ConsoleSessions.COOKIE));
    }

    @Test
    void anUnknownRoleOrBadTenantIsABadRequest() {
        Response form = given().get("/console/sign-in");
        given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString())).formParam("role", "root").post("/console/sign-in")
                .then().statusCode(400).body(containsString("Pick one of the listed users"));
    }
}
