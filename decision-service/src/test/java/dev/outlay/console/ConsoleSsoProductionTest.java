/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.demo.DemoSigningKeys;
import dev.outlay.sso.SsoConfigInput;
import dev.outlay.sso.SsoConfigService;
import dev.outlay.sso.TestIdp;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.outlay.console.SsoBrowser.assertNoSession;
import static dev.outlay.console.SsoBrowser.callback;
import static dev.outlay.console.SsoBrowser.setCookie;
import static dev.outlay.console.SsoBrowser.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside demo mode: no picker, the console signs in only through the tenant's SSO, and every console cookie is
 * Secure (production serves https). Bearer auth on /api is as production runs it (an IdP key, issuer, audience).
 */
@QuarkusTest
@TestProfile(ConsoleSsoProductionTest.Production.class)
class ConsoleSsoProductionTest {

    static final String TENANT = "prod-sso";
    static final Path API_IDP_DIR = Path.of("target/prod-sso-api-idp").toAbsolutePath();
    static TestIdp idp;

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                DemoSigningKeys.ensure(API_IDP_DIR);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "outlay.demo.enabled", "false",
                    "outlay.secrets.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                    "mp.jwt.verify.publickey.location", API_IDP_DIR.resolve(DemoSigningKeys.PUBLIC_KEY).toString(),
                    "mp.jwt.verify.issuer", "https://idp.example.test/realms/api",
                    "mp.jwt.verify.audiences", "outlay-api");
        }
    }

    @Inject
    TenantRegistry tenants;

    @Inject
    SsoConfigService sso;

    @BeforeAll
    static void idp() {
        idp = new TestIdp("corp");
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    void registered() {
        tenants.ensure(TENANT, "Prod SSO", false);
        TenantContext.runAs(new Caller(TENANT, "setup-admin", Set.of("admin")), () -> sso.put(new SsoConfigInput(idp.issuer("corp"), "outlay-console",
                "corp-secret", "realm_access.roles", Map.of("outlay-platform", List.of("platform")), true)));
    }

    @Test
    void theSignInPageOffersOnlySsoAndThePickerIsRefused() {
        Response form = given().get("/console/sign-in");
        assertEquals(200, form.statusCode());
        String html = form.body().asString();
        assertTrue(html.contains("action=\"/console/sign-in/sso\""), html);
        assertTrue(!html.contains("Demo mode") && !html.contains("name=\"user\""), "no demo picker outside demo mode");
        assertTrue(setCookie(form, ConsoleSessions.SIGN_IN_COOKIE).contains("Secure"));
        Response picked = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(html)).formParam("role", "admin").formParam("tenant", TENANT).post("/console/sign-in");
        assertEquals(403, picked.statusCode());
        assertNoSession(picked);
    }

    @Test
    void ssoSignsInWithSecureCookiesAndBearerAuthIsUnchanged() {
        registered();
        SsoBrowser.Started s = start(TENANT);
        assertTrue(setCookie(s.response(), ConsoleSessions.SSO_STATE_COOKIE).contains("Secure"));
        var claims = idp.claims("corp", "outlay-console", s.nonce(), "pat@corp.example", List.of());
        claims.setClaim("realm_access", Map.of("roles", List.of("outlay-platform", "offline_access")));
        idp.answer("corp", "code-prod", idp.sign("corp", claims));
        Response back = callback(s.stateCookie(), s.state(), "code-prod");
        assertEquals(200, back.statusCode(), back.body().asString());
        String session = setCookie(back, ConsoleSessions.COOKIE);
        assertTrue(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        given().cookie(ConsoleSessions.COOKIE, back.cookie(ConsoleSessions.COOKIE)).get("/console").then().statusCode(200)
                .body(containsString("pat@corp.example")).body(containsString("<span data-roles>platform</span>"))
                .body(not(containsString("Demo mode")));
        // /api still takes bearer tokens only: no token is 401, and the console session is not one.
        given().get("/api/v1/me").then().statusCode(401);
        given().cookie(ConsoleSessions.COOKIE, back.cookie(ConsoleSessions.COOKIE)).get("/api/v1/me").then().statusCode(401);
    }
}
