/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantIds;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Resolves the connection a public hook names in its path and runs the handler as that connection's tenant. The
 * tenant in the path is only a lookup key: the request is acted on only after its signature verifies against the
 * secret sealed for that connection in that tenant, so a request cannot pick a tenant it holds no secret of. Every
 * refusal is the same 401, so the hook does not tell which tenants or connections exist.
 */
@ApplicationScoped
public class InboundConnection {

    static final String REFUSED = "The request is not signed for this connection.";

    @Inject
    TenantRegistry tenants;

    @Inject
    IntegrationStore integrations;

    @Inject
    Secrets secrets;

    public <T> T as(String tenant, String integrationId, String kind, BiFunction<Integration, String, T> handler) {
        UUID id;
        try {
            id = UUID.fromString(integrationId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized(REFUSED);
        }
        if (!TenantIds.valid(tenant) || !tenants.exists(tenant)) throw ProblemException.unauthorized(REFUSED);
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            Integration i = integrations.find(id).filter(x -> x.kind().equals(kind) && x.inboundSecret())
                    .orElseThrow(() -> ProblemException.unauthorized(REFUSED));
            String secret = secrets.box().open(integrations.sealedInboundSecret(id), tenant, IntegrationService.inboundPurpose(id));
            return handler.apply(i, secret);
        });
    }
}
