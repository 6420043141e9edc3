/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.platform.OutlayConfig;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions, opened by the demo picker (demo mode) or by the tenant's single sign-on (any mode). The cookie
 * key is derived from the installation's secrets key (the key that seals connection secrets, kept in the data dir in
 * demo mode), so it survives restarts like the demo's tokens do. Without a secrets key no session can be signed, and
 * every session cookie is ignored.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "outlay_console";
    /** The sign-in form's CSRF token, before a session exists (double submit: cookie and form field must agree). */
    public static final String SIGN_IN_COOKIE = "outlay_console_signin";
    /** A started SSO sign-in (sealed {@code PendingLogin}); only its callback path receives it. */
    public static final String SSO_STATE_COOKIE = "outlay_console_sso";
    static final String SSO_PATH = "/console/sign-in/sso";
    static final Duration LIFETIME = Duration.ofHours(8);

    @Inject
    OutlayConfig config;

    @Inject
    Secrets secrets;

    @Inject
    dev.outlay.tenancy.SessionRevocations revocations;

    private volatile SessionCodec codec;

    /** Whether the demo picker signs people in (demo mode only). */
    public boolean demoPicker() {
        return config.demo().enabled();
    }

    /** Whether sessions can be signed at all (a secrets key is configured; demo mode always has one). */
    public boolean available() {
        return secrets.configured().isPresent();
    }

    public Optional<ConsoleSession> read(String cookieValue) {
        if (cookieValue == null || !available()) return Optional.empty();
        // A deprovisioned user's sessions end at once: the cookie is stateless, so it is checked against the
        // per-user revocation time (issued = expiry - lifetime, to the second; a tie counts as revoked).
        return codec().decode(cookieValue, Instant.now())
                .filter(s -> !revocations.revoked(s.caller().tenantId(), s.caller().subject(), s.expires().minus(LIFETIME)));
    }

    public ConsoleSession open(Caller caller) {
        return new ConsoleSession(caller, Instant.now().plus(LIFETIME), SessionCodec.randomToken());
    }

    public NewCookie cookie(ConsoleSession s) {
        return cookie(COOKIE, codec().encode(s), (int) LIFETIME.toSeconds());
    }

    public NewCookie signInCookie(String csrf) {
        return cookie(SIGN_IN_COOKIE, csrf, 900);
    }

    public NewCookie expired(String name) {
        return cookie(name, "", 0);
    }

    /**
     * The started sign-in, for its callback only. SameSite=Lax, not Strict: the callback is a top-level navigation
     * coming from the IdP's site, and browsers leave Strict cookies off such requests.
     */
    public NewCookie ssoStateCookie(String sealed, int maxAge) {
        return new NewCookie.Builder(SSO_STATE_COOKIE).value(sealed).path(SSO_PATH).maxAge(maxAge).httpOnly(true)
                .secure(!demoPicker()).sameSite(NewCookie.SameSite.LAX).build();
    }

    public NewCookie expiredSsoState() {
        return ssoStateCookie("", 0);
    }

    /** Secure except in demo mode, which serves plain HTTP on localhost (a Secure cookie would never come back). */
    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(!demoPicker()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private SessionCodec codec() {
        SessionCodec c = codec;
        if (c == null) {
            synchronized (this) {
                if (codec == null) codec = new SessionCodec(deriveKey());
                c = codec;
            }
        }
        return c;
    }

    private byte[] deriveKey() {
        return secrets.box().derive("console-session-v1");
    }
}
