/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import static dev.outlay.sso.SsoLoginRefusedException.Kind.FORBIDDEN;
import static dev.outlay.sso.SsoLoginRefusedException.Kind.NOT_CONFIGURED;
import static dev.outlay.sso.SsoLoginRefusedException.Kind.REFUSED;

/**
 * The authorization-code flow with PKCE (OpenID Connect Core §3.1, RFC 7636 S256) against the tenant's registered
 * issuer. {@link #start} picks state, nonce and code verifier and answers the IdP's authorization URL;
 * {@link #finish} checks the returned state, exchanges the code, verifies the ID token and maps its role claim. The
 * caller's tenant is the registration's, never something the browser sent back.
 */
@ApplicationScoped
public class OidcLogin {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SsoConfigService configs;

    @Inject
    OidcHttp http;

    @Inject
    SsoSettings settings;

    /** Where the browser goes to sign in, and what its callback must match. */
    public record Start(URI authorizationUrl, PendingLogin pending) {
    }

    public Start start(String tenantId, String redirectUri, Instant now) {
        SsoClient client = client(tenantId);
        OidcProvider provider = http.discover(client.issuer());
        PendingLogin pending = new PendingLogin(client.tenantId(), client.issuer(), client.clientId(), random(), random(), random(),
                redirectUri, now.plus(settings.stateLifetime()));
        String query = "response_type=code&scope=" + enc("openid profile email") + "&client_id=" + enc(client.clientId())
                + "&redirect_uri=" + enc(redirectUri) + "&state=" + enc(pending.state()) + "&nonce=" + enc(pending.nonce())
                + "&code_challenge=" + enc(challenge(pending.verifier())) + "&code_challenge_method=S256";
        String base = provider.authorizationEndpoint().toString();
        return new Start(URI.create(base + (base.contains("?") ? "&" : "?") + query), pending);
    }

    /**
     * The caller the IdP vouched for. {@code pending} is what this browser's cookie held (null when it held none);
     * {@code state} and {@code code} are the callback's query.
     */
    public Caller finish(PendingLogin pending, String state, String code, Instant now) {
        if (pending == null) throw new SsoLoginRefusedException(REFUSED, "No sign-in was started in this browser (or it was already used); start again.");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new SsoLoginRefusedException(REFUSED, "The sign-in answer's state is not the one this browser sent; start again.");
        }
        if (!pending.expires().isAfter(now)) throw new SsoLoginRefusedException(REFUSED, "The sign-in took too long; start again.");
        if (code == null || code.isBlank()) throw new SsoLoginRefusedException(REFUSED, "The sign-in answer carries no code.");
        SsoClient client = client(pending.tenantId());
        if (!client.issuer().equals(pending.issuer()) || !client.clientId().equals(pending.clientId())) {
            throw new SsoLoginRefusedException(REFUSED, "The tenant's SSO registration changed during the sign-in; start again.");
        }
        OidcProvider provider = http.discover(client.issuer());
        String idToken = http.exchange(provider, client, code, pending.redirectUri(), pending.verifier());
        JwtClaims claims = IdTokenVerifier.verify(idToken, http.keys(provider), client.issuer(), client.clientId(), pending.nonce(),
                now, settings.clockSkew());
        String subject = subject(claims);
        TreeSet<String> roles = RoleMapping.roles(claims, client.roleClaim(), client.roleMapping());
        if (roles.isEmpty()) {
            throw new SsoLoginRefusedException(FORBIDDEN, "Signed in as " + subject + ", but no value of the '" + client.roleClaim()
                    + "' claim maps to an Outlay role in this tenant; ask its administrator.");
        }
        return new Caller(client.tenantId(), subject, Set.copyOf(roles));
    }

    private SsoClient client(String tenantId) {
        if (!TenantIds.valid(tenantId)) throw new SsoLoginRefusedException(NOT_CONFIGURED, "'" + tenantId + "' is not a valid tenant id.");
        return configs.client(tenantId)
                .orElseThrow(() -> new SsoLoginRefusedException(NOT_CONFIGURED, "Tenant '" + tenantId + "' has no single sign-on configured."));
    }

    /** The name the API's bearer tokens give the same person (smallrye-jwt: upn, then preferred_username, then sub). */
    static String subject(JwtClaims claims) {
        String s = null;
        for (String name : new String[]{"upn", "preferred_username", "sub"}) {
            Object v = claims.getClaimValue(name);
            if (v instanceof String str && !str.isBlank()) {
                s = str;
                break;
            }
        }
        // The session cookie separates its fields with '|' and roles with ','.
        if (s == null || s.length() > 255 || s.chars().anyMatch(ch -> ch == '|' || ch == ',' || Character.isISOControl(ch))) {
            throw new SsoLoginRefusedException(REFUSED, "The ID token names no usable subject.");
        }
        return s;
    }

    static String challenge(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
