/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.CurrentSession;
import dev.outlay.console.ConsoleSessions;
import dev.outlay.platform.OutlayConfig;
import dev.outlay.security.InternalSecret;
import dev.outlay.security.RouteGuard;
import dev.outlay.security.RoutePath;
import dev.outlay.security.RouteTable;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every JAX-RS route (the /api routes and Kogito's generated ones) needs a verified bearer token that names a
 * tenant. The tenant is bound for the whole request, so the persistence layer scopes every query to it.
 * Pre-matching, so an anonymous caller learns 401 before RESTEasy picks a method and answers 404, 405 or 415.
 * The jobs service's routes carry no token: {@link RouteGuard} already required the per-start secret for them,
 * which is checked again here because skipping authentication must never rest on one check alone.
 * Health, OpenAPI and metrics are not JAX-RS routes and stay open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public class TenantFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    TenantRegistry tenants;

    @Inject
    InternalSecret secret;

    @Inject
    UserDirectory users;

    /** A provider: JAX-RS filters are built at static init, before runtime config mappings exist. */
    @Inject
    jakarta.inject.Provider<OutlayConfig> configProvider;

    @Inject
    jakarta.inject.Provider<ConsoleSessions> consoleSessions;

    @Inject
    jakarta.inject.Provider<CurrentSession> currentSession;

    @Inject
    jakarta.enterprise.inject.Instance<ScimCredentials> scim;

    @Inject
    jakarta.inject.Provider<io.quarkus.security.identity.CurrentIdentityAssociation> identityAssociation;

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest httpRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        TenantContext.clear();
        RoutePath path = RoutePath.of(httpRequest == null ? null : httpRequest.path());
        request.setProperty(RoutePath.class.getName(), path);
        if (!path.canonical()) throw ProblemException.badRequest("The path is not in canonical form: " + path.defect() + ".");
        switch (RouteTable.classify(path)) {
            case INTERNAL -> {
                if (secret.matches(request.getHeaderString(InternalSecret.HEADER))) return;
                throw ProblemException.notFound("No route " + path.normalized() + ".");
            }
            case SIGNED_HOOK -> {
                // No token: the hook verifies the signature of the connection it names and runs as that connection's tenant.
                return;
            }
            case CONSOLE -> {
                // The console's own session, never a bearer token; a page without one sends the browser to sign in.
                Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
                consoleSessions.get().read(cookie == null ? null : cookie.getValue())
                        .filter(s -> !tenants.suspended(s.caller().tenantId())).ifPresent(s -> {
                    currentSession.get().set(s);
                    TenantContext.bind(s.caller());
                    MDC.put("tenant", s.caller().tenantId());
                    users.touch(s.caller());
                });
                return;
            }
            case SCIM -> {
                // The tenant's SCIM bearer secret, never a JWT; a refusal is a SCIM error (the SCIM module maps it).
                Caller caller = scim.get().authenticate(request.getHeaderString("Authorization"), request.getMethod(), path.normalized());
                refuseSuspended(caller.tenantId());
                // The SCIM client is this request's security identity: otherwise the first bean that asks for one
                // (Kogito's task life cycle, on a deprovisioning) makes the JWT mechanism parse the SCIM secret and fail.
                identityAssociation.get().setIdentity(io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
                        .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(caller.subject()))
                        .addRoles(caller.roles()).build());
                TenantContext.bind(caller);
                MDC.put("tenant", caller.tenantId());
                return;
            }
            case OPERATOR -> {
                operator();
                return;
            }
            case TENANT_API, RAW_KOGITO -> {
                // below
            }
            default -> throw ProblemException.notFound("No route " + path.normalized() + ".");
        }
        if (identity.isAnonymous()) {
            throw ProblemException.unauthorized("This route needs a bearer token (Authorization: Bearer <jwt>).");
        }
        OutlayConfig config = configProvider.get();
        Object claim = token.getClaim(config.auth().tenantClaim());
        String tenant = claim == null ? null : claim.toString();
        if (!TenantIds.valid(tenant)) {
            throw ProblemException.unauthorized("The token carries no valid '" + config.auth().tenantClaim() + "' claim.");
        }
        if (!tenants.exists(tenant)) {
            if (!config.demo().enabled()) {
                throw ProblemException.forbidden("Unknown tenant '" + tenant + "'.");
            }
            tenants.ensure(tenant, tenant, false);
        }
        refuseSuspended(tenant);
        Set<String> roles = new TreeSet<>(identity.getRoles());
        Caller caller = new Caller(tenant, identity.getPrincipal().getName(), Set.copyOf(roles));
        TenantContext.bind(caller);
        MDC.put("tenant", tenant);
        users.touch(caller);
    }

    private void refuseSuspended(String tenant) {
        if (tenants.suspended(tenant)) {
            throw ProblemException.forbidden("Tenant '" + tenant + "' is suspended by the platform operator; its API answers again once it is resumed.");
        }
    }

    /**
     * The platform operator: a verified token with the operator role and no tenant claim. A tenant's token never
     * acts as the operator, even when its IdP puts the role into it, and an operator's token names no tenant, so it
     * is refused by every tenant route (docs/security/operator-identity.md). No tenant is bound.
     */
    private void operator() {
        if (identity.isAnonymous()) {
            throw ProblemException.unauthorized("The operator API needs an operator's bearer token (Authorization: Bearer <jwt>).");
        }
        String claim = configProvider.get().auth().tenantClaim();
        if (token.getClaim(claim) != null) {
            throw ProblemException.forbidden("A token that names a tenant ('" + claim + "' claim) cannot act as the platform operator.");
        }
        if (!identity.hasRole(Caller.OPERATOR_ROLE)) {
            throw ProblemException.forbidden("The operator API needs the '" + Caller.OPERATOR_ROLE + "' role.");
        }
        MDC.put("operator", identity.getPrincipal().getName());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        TenantContext.clear();
    }
}
