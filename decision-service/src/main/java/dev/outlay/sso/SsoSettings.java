/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the console's OIDC sign-in ({@code outlay.sso.*}); the per-tenant registration lives in the database. */
@ConfigMapping(prefix = "outlay.sso")
public interface SsoSettings {

    /**
     * Whether an issuer may be plain http or resolve to a loopback/private address (a local test IdP only). Off by
     * default: the service would otherwise fetch discovery documents and keys from any address a tenant admin names.
     */
    @WithDefault("false")
    boolean allowInsecureIssuers();

    /**
     * The console's public callback URL registered at the IdPs ({@code https://outlay.example.com/console/sign-in/sso/callback}).
     * Unset: built from the request's base URI, which is right when no proxy rewrites the host.
     */
    Optional<String> redirectUri();

    /** How long a started sign-in may take at the IdP before its state is refused. */
    @WithDefault("PT10M")
    Duration stateLifetime();

    /** Clock difference tolerated on an ID token's exp / iat / nbf. */
    @WithDefault("PT60S")
    Duration clockSkew();

    /** Time limit of each call to the IdP (discovery, keys, token). */
    @WithDefault("PT10S")
    Duration httpTimeout();
}
