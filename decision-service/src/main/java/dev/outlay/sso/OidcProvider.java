/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import java.net.URI;
import java.util.List;

/** What an issuer's discovery document says the code flow needs (OpenID Connect Discovery 1.0 §3). */
public record OidcProvider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                           List<String> tokenEndpointAuthMethods) {

    /** client_secret_basic unless the IdP lists only client_secret_post (Discovery's default is basic). */
    boolean secretInBody() {
        return tokenEndpointAuthMethods != null && !tokenEndpointAuthMethods.isEmpty()
                && !tokenEndpointAuthMethods.contains("client_secret_basic") && tokenEndpointAuthMethods.contains("client_secret_post");
    }
}
