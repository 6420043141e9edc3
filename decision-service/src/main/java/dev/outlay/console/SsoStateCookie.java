/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.platform.Secrets;
import dev.outlay.sso.PendingLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * A started SSO sign-in kept in the browser that started it: sealed (AES-GCM with the installation's key, purpose
 * bound), so the browser can neither read the PKCE verifier and nonce nor change the tenant, and a value that does
 * not open is no sign-in at all.
 */
@ApplicationScoped
public class SsoStateCookie {

    private static final String PURPOSE = "console-sso-state-v1";

    @Inject
    Secrets secrets;

    @Inject
    ObjectMapper json;

    public String seal(PendingLogin pending) {
        try {
            return secrets.box().seal(json.writeValueAsString(pending), "", PURPOSE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<PendingLogin> open(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(json.readValue(secrets.box().open(value, "", PURPOSE), PendingLogin.class));
        } catch (RuntimeException | JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
