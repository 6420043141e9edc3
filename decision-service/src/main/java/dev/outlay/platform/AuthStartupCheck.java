/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with token verification that would accept tokens meant for another service, or with Kogito
 * impersonation configured (Outlay ignores it, see {@code AuthenticatedIdentityOnly}; a setting that silently does
 * nothing would mislead whoever set it).
 */
@ApplicationScoped
public class AuthStartupCheck {

    static final String AUDIENCE_SETTING = "MP_JWT_VERIFY_AUDIENCES";
    static final String IMPERSONATION_SETTING = "KOGITO_SECURITY_AUTH_IMPERSONATION_ALLOWED_FOR_ROLES";

    @Inject
    OutlayConfig config;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    @ConfigProperty(name = "kogito.security.auth.impersonation.allowed-for-roles")
    Optional<List<String>> impersonationRoles;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        verify(config.demo().enabled(), audiences, impersonationRoles);
    }

    /** Throws {@link IllegalStateException} naming the setting to fix. */
    static void verify(boolean demo, Optional<List<String>> audiences, Optional<List<String>> impersonationRoles) {
        if (impersonationRoles.map(r -> r.stream().anyMatch(v -> v != null && !v.isBlank())).orElse(false)) {
            throw new IllegalStateException("Impersonation is not supported: the acting identity is always the token's "
                    + "subject. Remove " + IMPERSONATION_SETTING + " (kogito.security.auth.impersonation.allowed-for-roles).");
        }
        boolean hasAudience = audiences.map(a -> a.stream().anyMatch(v -> v != null && !v.isBlank())).orElse(false);
        if (!demo && !hasAudience) {
            throw new IllegalStateException("Outside demo mode tokens must name this service as their audience: set "
                    + AUDIENCE_SETTING + " (mp.jwt.verify.audiences) to the 'aud' value your identity provider issues "
                    + "for Outlay, e.g. MP_JWT_VERIFY_AUDIENCES=outlay, or start with OUTLAY_DEMO_ENABLED=true.");
        }
    }
}
