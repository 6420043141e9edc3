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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an administrator puts: the IdP's issuer (its discovery document is at {@code issuer/.well-known/openid-configuration}),
 * the client registered there, the ID token claim that carries groups or roles, which claim value grants which
 * Outlay roles, and whether the tenant refuses every other console sign-in. {@code clientSecret} may be left out
 * when one is stored already (it is kept).
 */
public record SsoConfigInput(String issuer, String clientId, String clientSecret, String roleClaim,
                             Map<String, List<String>> roleMapping, Boolean ssoRequired) {

    static final String DEFAULT_ROLE_CLAIM = "groups";

    /** Every problem of this input, with the field it is in. */
    public List<SsoFault> faults(boolean secretStored, boolean allowInsecure) {
        List<SsoFault> out = new ArrayList<>();
        if (issuer == null || issuer.isBlank()) {
            out.add(new SsoFault("issuer", "is required"));
        } else {
            issuerFault(issuer.trim(), allowInsecure).ifPresent(m -> out.add(new SsoFault("issuer", m)));
        }
        if (clientId == null || clientId.isBlank()) out.add(new SsoFault("clientId", "is required"));
        else if (clientId.length() > 255) out.add(new SsoFault("clientId", "is longer than 255 characters"));
        if ((clientSecret == null || clientSecret.isEmpty()) && !secretStored) {
            out.add(new SsoFault("clientSecret", "is required (none is stored yet)"));
        }
        if (roleClaim != null && !roleClaim.matches("[A-Za-z0-9_:.\\-/]{1,100}")) {
            out.add(new SsoFault("roleClaim", "must be a claim name (letters, digits, _ : . - /)"));
        }
        if (roleMapping == null || roleMapping.isEmpty()) {
            out.add(new SsoFault("roleMapping", "is required: map at least one claim value to Outlay roles"));
        } else {
            roleMapping.forEach((value, roles) -> {
                String field = "roleMapping." + value;
                if (value == null || value.isBlank()) out.add(new SsoFault("roleMapping", "a claim value is blank"));
                if (roles == null || roles.isEmpty()) out.add(new SsoFault(field, "maps to no role"));
                else roles.stream().filter(r -> !Caller.ROLES.contains(r))
                        .forEach(r -> out.add(new SsoFault(field, "'" + r + "' is not an Outlay role (" + String.join(", ", new java.util.TreeSet<>(Caller.ROLES)) + ")")));
            });
        }
        return out;
    }

    public String roleClaimOrDefault() {
        return roleClaim == null ? DEFAULT_ROLE_CLAIM : roleClaim;
    }

    /** OIDC Discovery: the issuer is an https URL without query or fragment (http only for a local test IdP). */
    static java.util.Optional<String> issuerFault(String issuer, boolean allowInsecure) {
        URI u;
        try {
            u = new URI(issuer);
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.of("is not a URL");
        }
        if (u.getHost() == null) return java.util.Optional.of("is not an absolute URL with a host");
        if (u.getQuery() != null || u.getFragment() != null) return java.util.Optional.of("must have no query or fragment");
        if (!"https".equals(u.getScheme()) && !(allowInsecure && "http".equals(u.getScheme()))) {
            return java.util.Optional.of("must be an https URL");
        }
        if (!allowInsecure) return IssuerAddresses.refusal(u.getHost());
        return java.util.Optional.empty();
    }
}
