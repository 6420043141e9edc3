/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviderFactory;
import org.kie.kogito.auth.IdentityProviders;

import java.util.Collection;
import java.util.List;

/**
 * Kogito's generated process and task routes take {@code ?user=&group=} and hand them to this factory. Its own
 * implementation (KIE 10.1 {@code IdentityProviderFactoryImpl}) trusts them outright when
 * {@code kogito.security.auth.enabled=false} and for every caller holding a role in
 * {@code kogito.security.auth.impersonation.allowed-for-roles}; an acting identity other than the verified one would
 * then be recorded as the one who decided. Replacing the factory makes that independent of configuration: the identity
 * is always the token's subject and roles, and the query parameters are ignored for everybody.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AuthenticatedIdentityOnly implements IdentityProviderFactory {

    @Inject
    SecurityIdentity identity;

    @Override
    public IdentityProvider getOrImpersonateIdentity(String ignoredUser, Collection<String> ignoredGroups) {
        if (identity.isAnonymous()) return IdentityProviders.of(null, List.of());
        return IdentityProviders.of(identity.getPrincipal().getName(), List.copyOf(identity.getRoles()));
    }
}
