/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signs in to the console the way a browser does: read the picker, send its CSRF token back with the cookie. */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final String session;
    final String csrf;

    private ConsoleBrowser(String session, String csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "the page has a form carrying a CSRF token");
        return m.group(1);
    }

    /** As the one-role user {@code demo-<role>}. */
    static ConsoleBrowser signIn(String tenant, String role) {
        return pick(tenant, "role", role);
    }

    /** As a named demo persona (its subject, e.g. {@code eli.web-engineer}). */
    static ConsoleBrowser signInAs(String tenant, String subject) {
        return pick(tenant, "user", subject);
    }

    private static ConsoleBrowser pick(String tenant, String field, String value) {
        Response form = given().redirects().follow(false).get("/console/sign-in");
        assertEquals(200, form.statusCode());
        Response signedIn = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", csrfIn(form.body().asString())).formParam(field, value).formParam("tenant", tenant)
                .post("/console/sign-in");
        assertEquals(303, signedIn.statusCode(), signedIn.body().asString());
        String session = signedIn.cookie(ConsoleSessions.COOKIE);
        String home = given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200).extract().asString();
        return new ConsoleBrowser(session, csrfIn(home));
    }

    io.restassured.specification.RequestSpecification as() {
        return io.restassured.RestAssured.given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, session);
    }
}
