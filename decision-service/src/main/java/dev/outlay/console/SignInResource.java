/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.demo.DemoMode;
import dev.outlay.demo.DemoUsers;
import dev.outlay.sso.SsoConfigService;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantIds;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Sign-in. In demo mode a picker of the demo tenant's users ({@link DemoUsers}: personas holding several roles, then
 * one user per role as {@code ./outlay token} issues them); in every mode the tenant's single sign-on
 * ({@link SsoSignInResource}). A tenant that requires SSO refuses the picker.
 */
@Path("/console/sign-in")
public class SignInResource {

    @Inject
    ConsoleSessions sessions;

    @Inject
    TenantRegistry tenants;

    @Inject
    @Location("console/sign-in.html")
    Template signIn;

    @Inject
    CurrentSession current;

    @Inject
    SsoConfigService sso;

    /** One user of the picker: its radio's id, and the home view its roles give. */
    public record Choice(String id, DemoUsers.DemoUser user, String view) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        return page(200, null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("csrf") String csrf, @CookieParam(ConsoleSessions.SIGN_IN_COOKIE) String expected,
                           @FormParam("user") String user, @FormParam("role") String role, @FormParam("tenant") String tenant) {
        if (!sessions.demoPicker()) return page(403, "Outside demo mode the console signs people in through their tenant's single sign-on.");
        if (!SessionCodec.sameToken(expected, csrf)) return page(403, "The form carries no valid CSRF token; reload the page and try again.");
        DemoUsers.DemoUser who = chosen(user, role);
        if (who == null) return page(400, "Pick one of the listed users.");
        String t = tenant == null || tenant.isBlank() ? DemoMode.DEMO_TENANT : tenant.trim();
        if (!TenantIds.valid(t)) return page(400, "Tenant '" + t + "' is not a valid tenant id (lower-case letters, digits and '-').");
        if (tenants.exists(t) && sso.required(t)) {
            return page(403, "Tenant '" + t + "' requires single sign-on: sign in through its identity provider below.");
        }
        // Demo mode creates tenants on first use, as it does for tokens naming a new tenant.
        tenants.ensure(t, t, DemoMode.DEMO_TENANT.equals(t));
        ConsoleSession s = sessions.open(new Caller(t, who.subject(), who.roles()));
        return Response.seeOther(java.net.URI.create("/console"))
                .cookie(sessions.cookie(s), sessions.expired(ConsoleSessions.SIGN_IN_COOKIE)).build();
    }

    /** {@code role} names a one-role user ({@code demo-<role>}), as scripts written before the personas post it. */
    private static DemoUsers.DemoUser chosen(String user, String role) {
        if (user != null && !user.isBlank()) return DemoUsers.find(user.trim()).orElse(null);
        return role == null ? null : DemoUsers.ofRole(role.trim()).orElse(null);
    }

    Response page(int status, String error) {
        return page(status, error, "");
    }

    /** The picker (demo mode) and the SSO form; both forms carry the same double-submit CSRF token. */
    Response page(int status, String error, String ssoTenant) {
        if (!sessions.available()) {
            return ConsolePages.html(status, signIn.data("demo", false).data("sso", false).data("error", error)
                    .data("csrf", "").data("choices", List.of()).data("ssoTenant", "").render());
        }
        String csrf = SessionCodec.randomToken();
        boolean demo = sessions.demoPicker();
        List<Choice> choices = !demo ? List.of() : DemoUsers.all().stream().map(u -> new Choice(u.persona() ? "user-" + u.subject().replace('.', '-')
                : "role-" + u.roles().iterator().next(), u, ConsoleSession.personaOf(u.roles()))).toList();
        String body = signIn.data("demo", demo).data("sso", true).data("error", error).data("csrf", csrf).data("choices", choices)
                .data("tenant", DemoMode.DEMO_TENANT).data("ssoTenant", ssoTenant == null ? "" : ssoTenant).render();
        return Response.status(status).type(ConsolePages.HTML).header("Cache-Control", "no-store")
                .cookie(sessions.signInCookie(csrf)).entity(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }
}
