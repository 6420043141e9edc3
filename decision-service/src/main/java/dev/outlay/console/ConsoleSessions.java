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
 * Console sessions in demo mode. The cookie key is derived from the installation's secrets key (the key that seals
 * connection secrets, kept in the data dir in demo mode), so it survives restarts like the demo's tokens do. Outside
 * demo mode the console needs OIDC, which is not built yet, and every session cookie is ignored.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "outlay_console";
    /** The sign-in form's CSRF token, before a session exists (double submit: cookie and form field must agree). */
    public static final String SIGN_IN_COOKIE = "outlay_console_signin";
    static final Duration LIFETIME = Duration.ofHours(8);

    @Inject
    OutlayConfig config;

    @Inject
    Secrets secrets;

    private volatile SessionCodec codec;

    public boolean enabled() {
        return config.demo().enabled();
    }

    public Optional<ConsoleSession> read(String cookieValue) {
        if (!enabled()) return Optional.empty();
        return codec().decode(cookieValue, Instant.now());
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

    /** Secure except in demo mode, which serves plain HTTP on localhost (a Secure cookie would never come back). */
    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(!enabled()).sameSite(NewCookie.SameSite.STRICT).build();
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
