/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** A tenant admin's SCIM settings: the SCIM bearer secrets (issue, rotate, revoke) and the group → role mapping. */
@Path("/api/v1/scim")
@Produces(MediaType.APPLICATION_JSON)
public class ScimSettingsResource {

    @Inject
    ScimSecrets secrets;

    @Inject
    ScimRoleMappings mappings;

    @GET
    @Path("secrets")
    @RolesAllowed("admin")
    @Operation(operationId = "listScimSecrets", summary = "List the tenant's SCIM secrets",
            description = "Ids, who issued them, the end of each rotated secret's overlap window and the last use; never the secrets.")
    public List<ScimSecretInfo> listSecrets() {
        return secrets.list();
    }

    @POST
    @Path("secrets")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateScimSecret", summary = "Issue or rotate the tenant's SCIM secret",
            description = "Returns the new secret once (the IdP's bearer token); the secrets issued before stay valid for overlapMinutes (default 1440, 0 ends them now, at most 7 days). Audited.")
    public Response rotate(ScimSecretRotation body) {
        return Response.status(201).entity(secrets.rotate(body == null ? null : body.overlapMinutes())).build();
    }

    @DELETE
    @Path("secrets/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "revokeScimSecret", summary = "Revoke a SCIM secret", description = "It stops working at once. Audited.")
    public Response revoke(@PathParam("id") String id) {
        secrets.revoke(id);
        return Response.noContent().build();
    }

    @GET
    @Path("role-mappings")
    @RolesAllowed("admin")
    @Operation(operationId = "getScimRoleMappings", summary = "Read the group to role mapping",
            description = "Which Outlay roles the members of each IdP group (by SCIM displayName) get.")
    public ScimRoleMappingSet getMappings() {
        return mappings.get();
    }

    @PUT
    @Path("role-mappings")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putScimRoleMappings", summary = "Replace the group to role mapping",
            description = "The whole mapping at once; an unknown role or a group named twice is 422 and changes nothing. Audited with before and after.")
    public ScimRoleMappingSet putMappings(ScimRoleMappingSet body) {
        return mappings.put(body);
    }
}
