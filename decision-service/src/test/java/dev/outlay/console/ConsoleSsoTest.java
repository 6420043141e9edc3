/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.outlay.sso.TestIdp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.outlay.console.SsoBrowser.assertNoSession;
import static dev.outlay.console.SsoBrowser.callback;
import static dev.outlay.console.SsoBrowser.setCookie;
import static dev.outlay.console.SsoBrowser.start;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's single sign-on against a local OpenID provider ({@link TestIdp}: WireMock serving discovery, a JWK set
 * and a token endpoint answering RS256-signed ID tokens). Tenant A and tenant B each register their own issuer; the
 * test plays the IdP's login page from the authorization redirect's parameters.
 */
@QuarkusTest
class ConsoleSsoTest {

    static final String A = "sso-a";
    static final String B = "sso-b";
    static final String REQUIRED = "sso-req";
    static final String SECRET_A = "s3cret-of-a/with+chars";
    static TestIdp idp;
    static boolean registered;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @BeforeAll
    static void idp() {
        idp = new TestIdp("a", "b");
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    static Map<String, Object> registration(String realm, String clientId, String secret, boolean required) {
        Map<String, Object> b = new java.util.HashMap<>();
        b.put("issuer", idp.issuer(realm));
        b.put("clientId", clientId);
        if (secret != null) b.put("clientSecret", secret);
        b.put("roleClaim", "groups");
        b.put("roleMapping", Map.of("cost-readers", List.of("finance", "auditor"), "finops-team", List.of("finops_admin")));
        b.put("ssoRequired", required);
        return b;
    }

    static void put(String tenant, Map<String, Object> body) {
        given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/sso").then().statusCode(200);
    }

    /** A and B register their issuers; A's second put leaves the secret out, which keeps the sealed one. */
    static synchronized void registered() {
        if (registered) return;
        put(A, registration("a", "outlay-a", SECRET_A, false));
        put(A, registration("a", "outlay-a", null, false));
        put(B, registration("b", "outlay-b", "secret-of-b", false));
        put(REQUIRED, registration("a", "outlay-req", "secret-req", true));
        registered = true;
    }

    /** Starts A's sign-in, lets the IdP answer {@code code} with the token these claims make, and calls back. */
    static Response signInA(String code, java.util.function.Function<SsoBrowser.Started, String> token) {
        registered();
        SsoBrowser.Started s = start(A);
        idp.answer("a", code, token.apply(s));
        return callback(s.stateCookie(), s.state(), code);
    }

    static JwtClaims claimsA(SsoBrowser.Started s, String user, String... groups) {
        return idp.claims("a", "outlay-a", s.nonce(), user, List.of(groups));
    }

    @Test
    void signingInThroughTheTenantsIdpOpensAConsoleSessionWithTheMappedRoles() throws Exception {
        registered();
        SsoBrowser.Started s = start(A);
        assertTrue(s.authorize().toString().startsWith(idp.issuer("a") + "/authorize?"), s.authorize().toString());
        Map<String, String> p = s.params();
        assertEquals("code", p.get("response_type"));
        assertEquals("outlay-a", p.get("client_id"));
        assertTrue(p.get("scope").contains("openid"));
        assertEquals("S256", p.get("code_challenge_method"));
        assertTrue(p.get("redirect_uri").endsWith("/console/sign-in/sso/callback"), p.get("redirect_uri"));
        assertTrue(s.state().length() >= 40 && s.nonce().length() >= 40 && !s.state().equals(s.nonce()));
        String stateCookie = setCookie(s.response(), ConsoleSessions.SSO_STATE_COOKIE);
        assertTrue(stateCookie.contains("HttpOnly") && stateCookie.contains("SameSite=Lax") && stateCookie.contains("Path=/console/sign-in/sso"), stateCookie);
        assertFalse(stateCookie.contains(s.nonce()) || stateCookie.contains(s.state()), "the state cookie is sealed");

        idp.answer("a", "code-ok", idp.sign("a", claimsA(s, "dana@acme.example", "cost-readers", "not-mapped")));
        Response back = callback(s.stateCookie(), s.state(), "code-ok");
        assertEquals(200, back.statusCode(), back.body().asString());
        assertTrue(back.body().asString().contains("Signed in as dana@acme.example"));
        assertTrue(back.body().asString().contains("http-equiv=\"refresh\" content=\"0;url=/console\""));
        String session = setCookie(back, ConsoleSessions.COOKIE);
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        assertTrue(setCookie(back, ConsoleSessions.SSO_STATE_COOKIE).contains("Max-Age=0"), "the started sign-in is used up");

        // The token request carried the PKCE verifier of the challenge, the same redirect URI and A's sealed secret.
        List<LoggedRequest> requests = idp.tokenRequests("a", "code-ok");
        assertEquals(1, requests.size());
        Map<String, String> form = TestIdp.query(requests.get(0).getBodyAsString());
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals(p.get("redirect_uri"), form.get("redirect_uri"));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(p.get("code_challenge"), challenge);
        String basic = new String(Base64.getDecoder().decode(requests.get(0).getHeader("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8);
        assertEquals("outlay-a:" + java.net.URLEncoder.encode(SECRET_A, StandardCharsets.UTF_8), basic);

        String value = back.cookie(ConsoleSessions.COOKIE);
        given().cookie(ConsoleSessions.COOKIE, value).get("/console").then().statusCode(200)
                .body(containsString("dana@acme.example")).body(containsString("<span data-tenant>" + A + "</span>"))
                .body(containsString("<span data-roles>auditor, finance</span>"));
        // The console session is no bearer credential for the API.
        given().cookie(ConsoleSessions.COOKIE, value).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aCallbackWithAnotherStateOrWithoutThisBrowsersCookieOpensNothing() {
        registered();
        SsoBrowser.Started s = start(A);
        idp.answer("a", "code-state", idp.sign("a", claimsA(s, "eve", "finops-team")));
        Response forged = callback(s.stateCookie(), "forged-state", "code-state");
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().asString().contains("state is not the one this browser sent"));
        assertNoSession(forged);
        Response noCookie = callback(null, s.state(), "code-state");
        assertEquals(401, noCookie.statusCode());
        assertNoSession(noCookie);
        // A state cookie that does not open (changed by the browser) is no started sign-in at all.
        String tampered = s.stateCookie().substring(0, 10) + (s.stateCookie().charAt(10) == 'A' ? 'B' : 'A') + s.stateCookie().substring(11);
        Response changed = callback(tampered, s.state(), "code-state");
        assertEquals(401, changed.statusCode());
        assertNoSession(changed);
        assertTrue(idp.tokenRequests("a", "code-state").isEmpty(), "no code is exchanged for a callback that is not this browser's");
    }

    @Test
    void idTokensThatFailACheckAreRefused() {
        record Case(String code, String expect, int status, java.util.function.Function<SsoBrowser.Started, String> token) {
        }
        List<Case> cases = List.of(
                new Case("code-nonce", "nonce", 401, s -> {
                    JwtClaims c = claimsA(s, "eve", "finops-team");
                    c.setClaim("nonce", "another-sign-in");
                    return idp.sign("a", c);
                }),
                new Case("code-expired", "expired", 401, s -> {
                    JwtClaims c = claimsA(s, "eve", "finops-team");
                    c.setIssuedAt(TestIdp.minutesAgo(20));
                    c.setExpirationTime(TestIdp.minutesAgo(10));
                    return idp.sign("a", c);
                }),
                new Case("code-issuer", "another issuer", 401, s -> {
                    JwtClaims c = claimsA(s, "eve", "finops-team");
                    c.setIssuer(idp.issuer("b"));
                    return idp.sign("a", c);
                }),
                new Case("code-key", "no key of the issuer", 401, s -> idp.sign("b", claimsA(s, "eve", "finops-team"))),
                new Case("code-audience", "another client", 401, s -> {
                    JwtClaims c = claimsA(s, "eve", "finops-team");
                    c.setAudience("outlay-b");
                    return idp.sign("a", c);
                }),
                new Case("code-unsigned", "not valid", 401, s -> {
                    String signed = idp.sign("a", claimsA(s, "eve", "finops-team"));
                    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
                    return header + signed.substring(signed.indexOf('.'), signed.lastIndexOf('.') + 1);
                }),
                new Case("code-roles", "maps to an Outlay role", 403, s -> idp.sign("a", claimsA(s, "eve", "not-mapped"))));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response r = signInA(c.code(), c.token());
            String body = r.body().asString();
            if (r.statusCode() != c.status() || !body.contains(c.expect())) failures.add(c.code() + ": " + r.statusCode() + " " + body);
            assertNoSession(r);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theIdpsOwnRefusalIsShownAndOpensNothing() {
        registered();
        SsoBrowser.Started s = start(A);
        Response r = given().redirects().follow(false).cookie(ConsoleSessions.SSO_STATE_COOKIE, s.stateCookie())
                .queryParam("state", s.state()).queryParam("error", "access_denied").queryParam("error_description", "User cancelled")
                .get("/console/sign-in/sso/callback");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().asString().contains("access_denied: User cancelled"));
        assertNoSession(r);
    }

    @Test
    void startingSsoNeedsTheFormsCsrfTokenAndARegisteredTenant() {
        registered();
        Response form = given().get("/console/sign-in");
        assertTrue(form.body().asString().contains("action=\"/console/sign-in/sso\""));
        Response noToken = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("tenant", A).post("/console/sign-in/sso");
        assertEquals(403, noToken.statusCode());
        assertNull(setCookie(noToken, ConsoleSessions.SSO_STATE_COOKIE));
        Response noCookie = given().redirects().follow(false).formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString()))
                .formParam("tenant", A).post("/console/sign-in/sso");
        assertEquals(403, noCookie.statusCode());
        Response unknown = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString())).formParam("tenant", "sso-none").post("/console/sign-in/sso");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().asString().contains("has no single sign-on configured"));
        assertNull(setCookie(unknown, ConsoleSessions.SSO_STATE_COOKIE));
    }

    @Test
    void aTenantThatRequiresSsoRefusesTheDemoPicker() {
        registered();
        Response form = given().get("/console/sign-in");
        Response picked = given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.body().asString())).formParam("role", "admin").formParam("tenant", REQUIRED)
                .post("/console/sign-in");
        assertEquals(403, picked.statusCode());
        assertTrue(picked.body().asString().contains("requires single sign-on"));
        assertNoSession(picked);
        // Without the requirement the picker still works for a tenant with SSO.
        ConsoleBrowser.signIn(A, "finance");
        // And the requiring tenant's own SSO signs in.
        SsoBrowser.Started s = start(REQUIRED);
        assertEquals("outlay-req", s.params().get("client_id"));
        idp.answer("a", "code-req", idp.sign("a", idp.claims("a", "outlay-req", s.nonce(), "rita", List.of("finops-team"))));
        Response back = callback(s.stateCookie(), s.state(), "code-req");
        assertEquals(200, back.statusCode(), back.body().asString());
        given().cookie(ConsoleSessions.COOKIE, back.cookie(ConsoleSessions.COOKIE)).get("/console").then().statusCode(200)
                .body(containsString("<span data-tenant>" + REQUIRED + "</span>")).body(containsString("<span data-roles>finops_admin</span>"));
    }

    @Test
    void eachTenantReadsAndUsesOnlyItsOwnRegistration() {
        registered();
        given().header("Authorization", bearer(A, "root", "finops_admin")).get("/api/v1/sso").then().statusCode(200)
                .body("issuer", equalTo(idp.issuer("a"))).body("clientId", equalTo("outlay-a")).body("clientSecret", equalTo("********"))
                .body("roleMapping.cost-readers", hasItems("auditor", "finance")).body("ssoRequired", equalTo(false));
        given().header("Authorization", bearer(B, "root", "admin")).get("/api/v1/sso").then().statusCode(200)
                .body("issuer", equalTo(idp.issuer("b"))).body("clientId", equalTo("outlay-b")).body(not(containsString("outlay-a")));
        given().header("Authorization", bearer("sso-c", "root", "admin")).get("/api/v1/sso").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", bearer("sso-c", "root", "admin")).delete("/api/v1/sso").then().statusCode(404);
        // B's sign-in goes to B's issuer with B's client; B's IdP vouching for someone does not open a session of A.
        SsoBrowser.Started b = start(B);
        assertTrue(b.authorize().toString().startsWith(idp.issuer("b") + "/authorize?"));
        assertEquals("outlay-b", b.params().get("client_id"));
        SsoBrowser.Started a = start(A);
        idp.answer("a", "code-cross", idp.sign("b", idp.claims("b", "outlay-b", a.nonce(), "mallory", List.of("finops-team"))));
        Response cross = callback(a.stateCookie(), a.state(), "code-cross");
        assertEquals(401, cross.statusCode());
        assertNoSession(cross);
    }

    @Test
    void theRegistrationIsValidatedRoleCheckedSealedAndAudited() throws Exception {
        registered();
        given().header("Authorization", bearer(A, "fin", "finance")).contentType(ContentType.JSON).body(registration("a", "x", "y", false))
                .put("/api/v1/sso").then().statusCode(403);
        given().header("Authorization", bearer(A, "fin", "finance")).get("/api/v1/sso").then().statusCode(403);
        given().header("Authorization", bearer("sso-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("issuer", "ftp://idp.example.com", "roleMapping", Map.of("g", List.of("root"))))
                .put("/api/v1/sso").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("issuer", "clientId", "clientSecret", "roleMapping.g"));
        given().header("Authorization", bearer("sso-bad", "root", "admin")).get("/api/v1/sso").then().statusCode(404);

        try (Connection c = DriverManager.getConnection(superuserUrl)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT row_to_json(x)::text, x.client_secret_sealed FROM outlay.tenant_sso x WHERE tenant_id = ?")) {
                ps.setString(1, A);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertFalse(rs.getString(1).contains(SECRET_A), "the stored row keeps the secret sealed");
                    assertTrue(rs.getString(2).startsWith("v1:"));
                }
            }
            List<String> actions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT action, coalesce(before_json, '') || coalesce(after_json, '') FROM outlay.audit_entry "
                    + "WHERE tenant_id = ? AND object_type = 'tenant_sso' ORDER BY seq")) {
                ps.setString(1, A);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actions.add(rs.getString(1));
                        assertFalse(rs.getString(2).contains(SECRET_A), "audited without the secret");
                    }
                }
            }
            assertEquals(List.of("sso.config.put", "sso.config.put"), actions);
        }
    }
}
