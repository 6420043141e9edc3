/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local OpenID provider for tests: WireMock on a free port serving, per realm, a discovery document, a JWK set of a
 * test RSA key, and a token endpoint whose answer (a real RS256-signed ID token) each test stubs for its code. The
 * authorization step is played by the test itself: it reads state, nonce and code challenge from the redirect.
 */
public final class TestIdp implements AutoCloseable {

    public final WireMockServer server;
    private final Map<String, RsaJsonWebKey> keys = new HashMap<>();

    public TestIdp(String... realms) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        for (String realm : realms) {
            RsaJsonWebKey key = generate(realm + "-key-1");
            keys.put(realm, key);
            String issuer = issuer(realm);
            server.stubFor(get(urlPathEqualTo("/realms/" + realm + "/.well-known/openid-configuration")).willReturn(okJson("""
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/certs","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                     "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}""".formatted(issuer))));
            server.stubFor(get(urlPathEqualTo("/realms/" + realm + "/certs"))
                    .willReturn(okJson(new JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
        }
    }

    public String issuer(String realm) {
        return "http://127.0.0.1:" + server.port() + "/realms/" + realm;
    }

    /** Claims of a correct ID token of the realm for this client and nonce; a test changes one thing. */
    public JwtClaims claims(String realm, String clientId, String nonce, String subject, List<String> groups) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer(realm));
        c.setAudience(clientId);
        c.setSubject("id-" + subject);
        c.setClaim("preferred_username", subject);
        c.setClaim("nonce", nonce);
        c.setClaim("groups", groups);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        return c;
    }

    /** Signs with the realm's key (the key another realm publishes is a key this issuer never published). */
    public String sign(String realm, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        RsaJsonWebKey key = keys.get(realm);
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm's token endpoint answers this ID token to a request carrying this code. */
    public void answer(String realm, String code, String idToken) {
        server.stubFor(post(urlPathEqualTo("/realms/" + realm + "/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"at-" + code + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + idToken + "\"}")));
    }

    /** The token requests the realm received for this code. */
    public List<LoggedRequest> tokenRequests(String realm, String code) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/realms/" + realm + "/token")).withRequestBody(containing("code=" + code)));
    }

    public static NumericDate minutesAgo(int m) {
        NumericDate d = NumericDate.now();
        d.addSeconds(-60L * m);
        return d;
    }

    /** The query parameters of a URL (the authorization redirect, a form body). */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    public static Map<String, String> query(URI uri) {
        return query(uri.getRawQuery());
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId(kid);
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
