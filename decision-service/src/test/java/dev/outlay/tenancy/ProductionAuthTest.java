/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.demo.DemoSigningKeys;
import dev.outlay.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Token verification as production runs it: demo mode off, the key, issuer and audience of an identity provider
 * (here a key pair generated for this test run), tenants that must exist. Tokens are assembled claim by claim and
 * signed by hand, so nothing (like a builder's default {@code exp}) is added behind the test's back. All cases share
 * one profile: a profile restarts the application.
 */
@QuarkusTest
@TestProfile(ProductionAuthTest.Production.class)
class ProductionAuthTest {

    static final String ISSUER = "https://idp.example.test/realms/finops";
    static final String AUDIENCE = "outlay-api";
    static final String TENANT = "acme";
    /** The test IdP's key pair, written by {@link DemoSigningKeys} into a directory that is not the data dir. */
    static final Path IDP_DIR = Path.of("target/prod-auth-idp").toAbsolutePath();

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                DemoSigningKeys.ensure(IDP_DIR);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "outlay.demo.enabled", "false",
                    "mp.jwt.verify.publickey.location", IDP_DIR.resolve(DemoSigningKeys.PUBLIC_KEY).toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.audiences", AUDIENCE);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantRegistry tenants;

    @BeforeEach
    void tenantExists() {
        tenants.ensure(TENANT, "Acme", false);
    }

    private static PrivateKey idpKey() {
        return Tokens.privateKey(IDP_DIR.resolve(DemoSigningKeys.PRIVATE_KEY));
    }

    /** What a correct token of the IdP carries; each case changes one thing. */
    private static Map<String, Object> claims(String... roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new HashMap<>();
        c.put("iss", ISSUER);
        c.put("aud", AUDIENCE);
        c.put("sub", "alice");
        c.put("upn", "alice");
        c.put("tenant", TENANT);
        c.put("groups", List.of(roles));
        c.put("iat", now);
        c.put("exp", now + 600);
        return c;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String part(Object json) throws Exception {
        return b64(JSON.writeValueAsBytes(json));
    }

    private static String signed(Map<String, Object> claims, PrivateKey key) throws Exception {
        String input = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(rsa.sign());
    }

    private static ValidatableResponse me(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/api/v1/me").then();
    }

    private static void refused(String token) {
        me(token).statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/me"));
    }

    @Test
    void aCorrectTokenOfAKnownTenantIsAccepted() throws Exception {
        me(signed(claims("finance", "auditor"), idpKey())).statusCode(200)
                .body("tenant", equalTo(TENANT))
                .body("subject", equalTo("alice"))
                .body("roles", contains("auditor", "finance"));
    }

    @Test
    void anUnknownTenantIsForbiddenAndNotCreated() throws Exception {
        Map<String, Object> c = claims("admin");
        c.put("tenant", "nobody-here");
        me(signed(c, idpKey())).statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        assertFalse(tenants.exists("nobody-here"), "outside demo mode a tenant is never created on first use");
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        Map<String, Object> c = claims("admin");
        c.put("iss", "https://evil.example.test/realms/finops");
        refused(signed(c, idpKey()));
        c.put("iss", "outlay-demo");
        refused(signed(c, idpKey()));
    }

    @Test
    void wrongOrMissingAudienceIsRefused() throws Exception {
        Map<String, Object> c = claims("admin");
        c.put("aud", "another-service");
        refused(signed(c, idpKey()));
        c.put("aud", List.of("another-service", "yet-another"));
        refused(signed(c, idpKey()));
        c.remove("aud");
        refused(signed(c, idpKey()));
        // The demo audience is not this installation's either.
        c.put("aud", "outlay");
        refused(signed(c, idpKey()));
    }

    @Test
    void expiredNotYetValidAndExpLessTokensAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> expired = claims("admin");
        expired.put("iat", now - 7200);
        expired.put("exp", now - 3600);
        refused(signed(expired, idpKey()));

        Map<String, Object> early = claims("admin");
        early.put("nbf", now + 3600);
        early.put("exp", now + 7200);
        refused(signed(early, idpKey()));

        Map<String, Object> forever = claims("admin");
        forever.remove("exp");
        refused(signed(forever, idpKey()));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        refused(signed(claims("admin"), gen.generateKeyPair().getPrivate()));
    }

    @Test
    void unsignedAndTamperedTokensAreRefused() throws Exception {
        String payload = part(claims("admin"));
        refused(part(Map.of("alg", "none", "typ", "JWT")) + "." + payload + ".");
        refused(part(Map.of("alg", "none")) + "." + payload);

        // A genuine token whose payload is swapped for one granting more, signature kept.
        String genuine = signed(claims("engineering"), idpKey());
        String[] jws = genuine.split("\\.");
        me(genuine).statusCode(200);
        refused(jws[0] + "." + payload + "." + jws[2]);
        // The same with the header switched to HMAC (key confusion): still a bad signature.
        refused(part(Map.of("alg", "HS256", "typ", "JWT")) + "." + jws[1] + "." + jws[2]);
    }

    @Test
    void rolesOutlayDoesNotKnowGrantNothing() throws Exception {
        String token = "Bearer " + signed(claims("superadmin", "Admin", "ADMIN", "root", "Administrators", "admin "), idpKey());
        given().header("Authorization", token).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/users").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", token).get("/api/v1/audit").then().statusCode(403);
        given().header("Authorization", token).get("/usertasks/instance").then().statusCode(403);
        given().header("Authorization", token).post("/api/v1/tenant/export").then().statusCode(403);
        given().header("Authorization", token).contentType("application/json").body(Map.of("resourceClass", "gpu"))
                .post("/api/v1/spend-requests").then().statusCode(403);
    }
}
