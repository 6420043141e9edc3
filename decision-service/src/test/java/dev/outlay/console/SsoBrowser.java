/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.sso.TestIdp;
import io.restassured.response.Response;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser signing in through a tenant's IdP: the sign-in form, the redirect to the IdP, the callback. */
final class SsoBrowser {

    /** A started sign-in: the sealed state cookie the browser holds and the authorization request's parameters. */
    record Started(Response response, URI authorize, Map<String, String> params, String stateCookie) {
        String state() {
            return params.get("state");
        }

        String nonce() {
            return params.get("nonce");
        }
    }

    private SsoBrowser() {
    }

    static Started start(String tenant) {
        Response form = given().redirects().follow(false).get("/console/sign-in");
        assertEquals(200, form.statusCode());
        Response r = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString())).formParam("tenant", tenant).post("/console/sign-in/sso");
        assertEquals(303, r.statusCode(), r.body().asString());
        URI location = URI.create(r.header("Location"));
        String cookie = r.cookie(ConsoleSessions.SSO_STATE_COOKIE);
        assertTrue(cookie != null && !cookie.isEmpty(), "the browser holds the started sign-in");
        return new Started(r, location, TestIdp.query(location), cookie);
    }

    static Response callback(String stateCookie, String state, String code) {
        var req = given().redirects().follow(false);
        if (stateCookie != null) req = req.cookie(ConsoleSessions.SSO_STATE_COOKIE, stateCookie);
        if (state != null) req = req.queryParam("state", state);
        if (code != null) req = req.queryParam("code", code);
        return req.get("/console/sign-in/sso/callback");
    }

    static String setCookie(Response r, String name) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    /** A refused sign-in opens nothing: no session cookie with a value. */
    static void assertNoSession(Response r) {
        String s = setCookie(r, ConsoleSessions.COOKIE);
        assertFalse(s != null && !s.startsWith(ConsoleSessions.COOKIE + "=;"), "a refused sign-in sets no session: " + s);
    }
}
