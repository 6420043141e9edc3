/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.sso.OidcLogin;
import dev.outlay.sso.PendingLogin;
import dev.outlay.sso.SsoLoginRefusedException;
import dev.outlay.sso.SsoSettings;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantIds;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The console's single sign-on: {@code POST /console/sign-in/sso} (the sign-in page's form, CSRF-checked) starts the
 * tenant's authorization-code flow and sends the browser to its IdP; the IdP sends it back to {@code GET
 * /console/sign-in/sso/callback}, which opens the same console session the demo picker opens, with the tenant of
 * the registration and the roles its claim mapping gives. A refusal shows the sign-in page with the reason and
 * opens nothing.
 */
@Path("/console/sign-in/sso")
public class SsoSignInResource {

    private static final Logger LOG = Logger.getLogger(SsoSignInResource.class);

    @Inject
    ConsoleSessions sessions;

    @Inject
    SsoStateCookie stateCookie;

    @Inject
    OidcLogin login;

    @Inject
    SsoSettings settings;

    @Inject
    SignInResource signIn;

    @Inject
    @Location("console/sso-signed-in.html")
    Template signedIn;

    @Context
    UriInfo uri;

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("csrf") String csrf, @CookieParam(ConsoleSessions.SIGN_IN_COOKIE) String expected,
                          @FormParam("tenant") String tenant) {
        if (!sessions.available()) return signIn.page(503, "This service has no secrets key, so it cannot sign anyone in.");
        if (!SessionCodec.sameToken(expected, csrf)) return signIn.page(403, "The form carries no valid CSRF token; reload the page and try again.");
        String t = tenant == null ? "" : tenant.trim();
        if (!TenantIds.valid(t)) return signIn.page(400, "Tenant '" + t + "' is not a valid tenant id (lower-case letters, digits and '-').", t);
        try {
            OidcLogin.Start s = login.start(t, redirectUri(), Instant.now());
            return Response.seeOther(s.authorizationUrl()).header("Cache-Control", "no-store")
                    .cookie(sessions.ssoStateCookie(stateCookie.seal(s.pending()), (int) settings.stateLifetime().toSeconds())).build();
        } catch (SsoLoginRefusedException e) {
            LOG.infof("console SSO start refused for tenant %s: %s", t, e.getMessage());
            return signIn.page(e.kind().status, e.getMessage(), t);
        }
    }

    @GET
    @Path("callback")
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error,
                             @QueryParam("error_description") String errorDescription,
                             @CookieParam(ConsoleSessions.SSO_STATE_COOKIE) String pendingCookie) {
        PendingLogin pending = pendingCookie == null ? null : stateCookie.open(pendingCookie).orElse(null);
        try {
            if (error != null) {
                // RFC 6749 §4.1.2.1: the IdP's own refusal (the person cancelled, or is not assigned to the client).
                throw new SsoLoginRefusedException(SsoLoginRefusedException.Kind.REFUSED, "The identity provider did not sign you in ("
                        + error + (errorDescription == null ? "" : ": " + errorDescription) + ").");
            }
            Caller caller = login.finish(pending, state, code, Instant.now());
            ConsoleSession s = sessions.open(caller);
            LOG.infof("console SSO sign-in of %s in tenant %s", caller.subject(), caller.tenantId());
            String body = signedIn.data("subject", caller.subject()).data("tenant", caller.tenantId()).render();
            // 200 with a same-site refresh, not a 303: the callback's navigation started at the IdP, and browsers keep
            // the SameSite=Strict session cookie off the rest of a redirect chain that began on another site.
            return Response.status(200).type(ConsolePages.HTML).header("Cache-Control", "no-store")
                    .cookie(sessions.cookie(s), sessions.expiredSsoState()).entity(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        } catch (SsoLoginRefusedException e) {
            LOG.infof("console SSO callback refused%s: %s", pending == null ? "" : " for tenant " + pending.tenantId(), e.getMessage());
            Response page = signIn.page(e.kind().status, e.getMessage(), pending == null ? "" : pending.tenantId());
            return Response.fromResponse(page).cookie(sessions.expiredSsoState()).build();
        }
    }

    private String redirectUri() {
        return settings.redirectUri().orElseGet(() -> uri.getBaseUriBuilder().path("console/sign-in/sso/callback").build().toString());
    }
}
