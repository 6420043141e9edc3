/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's tenant's console SSO registration; the client secret goes in, never comes out. */
@Path("/api/v1/sso")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SsoConfigResource {

    @Inject
    SsoConfigService service;

    @Operation(operationId = "getSsoConfig", summary = "Read the tenant's console SSO registration",
            description = "The OpenID Connect issuer, client id, role-claim mapping and whether SSO is required for the console; "
                    + "the client secret is never returned. 404 when the tenant has none.")
    @GET
    @RolesAllowed({"admin", "finops_admin"})
    public SsoConfig get() {
        return service.get();
    }

    @Operation(operationId = "putSsoConfig", summary = "Set the tenant's console SSO registration",
            description = "Stores the tenant's OpenID Connect client (issuer, client id, client secret sealed at rest), the ID "
                    + "token claim whose values map to Outlay roles, and whether the console refuses every other sign-in. "
                    + "The client secret may be left out to keep the stored one. Audited.")
    @PUT
    @RolesAllowed({"admin", "finops_admin"})
    public SsoConfig put(SsoConfigInput in) {
        return service.put(in);
    }

    @Operation(operationId = "deleteSsoConfig", summary = "Remove the tenant's console SSO registration",
            description = "Deletes the registration (and with it the SSO requirement); answers 204. Audited.")
    @DELETE
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public Response delete() {
        service.delete();
        return Response.noContent().build();
    }
}
