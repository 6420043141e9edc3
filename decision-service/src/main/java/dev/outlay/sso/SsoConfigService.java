/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import dev.outlay.audit.AuditLog;
import dev.outlay.platform.SecretBox;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tenant's SSO registration: put and delete are audited in their transaction (the audit entry sees the masked
 * view, never the secret); the secret is sealed to the tenant and purpose, so a row copied to another tenant does
 * not open. The sign-in flow reads a named tenant's registration as that tenant's system caller, before anyone is
 * signed in.
 */
@ApplicationScoped
public class SsoConfigService {

    static final String PURPOSE = "sso-client-secret";

    @Inject
    SsoConfigRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    Secrets secrets;

    @Inject
    SsoSettings settings;

    public SsoConfig get() {
        return repository.find().map(SsoRegistration::view)
                .orElseThrow(() -> new SsoNotConfiguredException("This tenant has no SSO registration."));
    }

    @Transactional
    public SsoConfig put(SsoConfigInput in) {
        if (in == null) throw new SsoConfigRefusedException("An SSO registration body is required.", List.of(new SsoFault("body", "is required")));
        Optional<SsoRegistration> before = repository.find();
        List<SsoFault> faults = in.faults(before.isPresent(), settings.allowInsecureIssuers());
        if (!faults.isEmpty()) throw new SsoConfigRefusedException("The SSO registration is not valid.", faults);
        String tenant = TenantContext.requireTenant();
        String sealed = in.clientSecret() == null || in.clientSecret().isEmpty()
                ? before.orElseThrow().sealedSecret() : box().seal(in.clientSecret(), tenant, PURPOSE);
        boolean required = in.ssoRequired() == null ? before.map(SsoRegistration::ssoRequired).orElse(false) : in.ssoRequired();
        repository.upsert(in.issuer().trim(), in.clientId().trim(), sealed, in.roleClaimOrDefault(), canonical(in),
                required, TenantContext.caller().orElseThrow().subject());
        SsoConfig after = get();
        audit.record("sso.config.put", "tenant_sso", tenant, before.map(SsoRegistration::view).orElse(null), after);
        return after;
    }

    @Transactional
    public void delete() {
        SsoConfig before = get();
        repository.delete();
        audit.record("sso.config.delete", "tenant_sso", TenantContext.requireTenant(), before, null);
    }

    /** The named tenant's registration with its secret opened, for the sign-in flow; empty when it has none. */
    public Optional<SsoClient> client(String tenantId) {
        return TenantContext.runAs(TenantContext.system(tenantId), () -> repository.find().map(r ->
                new SsoClient(r.tenantId(), r.issuer(), r.clientId(), box().open(r.sealedSecret(), r.tenantId(), PURPOSE),
                        r.roleClaim(), r.roleMapping(), r.ssoRequired())));
    }

    /** Whether the named tenant refuses every console sign-in but its SSO. */
    public boolean required(String tenantId) {
        return TenantContext.runAs(TenantContext.system(tenantId), () -> repository.find().map(SsoRegistration::ssoRequired).orElse(false));
    }

    private static SortedMap<String, List<String>> canonical(SsoConfigInput in) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        in.roleMapping().forEach((value, roles) -> out.put(value, new ArrayList<>(new java.util.TreeSet<>(roles))));
        return out;
    }

    private SecretBox box() {
        return secrets.configured().orElseThrow(() -> new SsoSecretsUnavailableException(
                "This installation has no secrets key (OUTLAY_SECRETS_KEY), so it stores no SSO client secret."));
    }
}
