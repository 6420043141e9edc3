/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * SCIM Users (RFC 7644 §3). No @RolesAllowed: the caller is the tenant's SCIM client, authenticated by its SCIM
 * secret in TenantFilter (route class SCIM), never a JWT; {@link ScimCaller} fails closed without it.
 */
@Path("/scim/v2/Users")
@PermitAll
@Produces({ScimMedia.TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.TYPE, MediaType.APPLICATION_JSON})
public class ScimUsersResource {

    @Inject
    ScimUsers users;

    @Inject
    ScimGroups groups;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "scimListUsers", summary = "List SCIM users", description = "filter (userName eq, externalId eq, displayName co, joined by and), startIndex, count.")
    public ScimListResponse list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
                                 @QueryParam("count") Integer count, @QueryParam("attributes") String attributes,
                                 @QueryParam("excludedAttributes") String excluded) {
        ScimCaller.require();
        ScimPage<ScimUser> page = users.list(filter, ScimPaging.startIndex(startIndex), ScimPaging.count(count));
        List<JsonNode> out = page.items().stream()
                .map(u -> ScimResources.project(ScimResources.user(u, groups.ofUser(u.id()), base()), attributes, excluded)).toList();
        return ScimListResponse.of(out, page.totalResults(), page.startIndex());
    }

    @POST
    @Operation(operationId = "scimCreateUser", summary = "Create a SCIM user", description = "201 with the user and its ETag; 409 uniqueness for a userName in use.")
    public Response create(JsonNode body) {
        ScimCaller.require();
        ScimUser u = users.create(body);
        return ok(Response.status(201).location(java.net.URI.create(base() + "/Users/" + u.id())), u, null, null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "scimGetUser", summary = "Read a SCIM user", description = "The user with meta.version as its ETag.")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded) {
        ScimCaller.require();
        return ok(Response.ok(), users.get(ScimResources.id(id, "user")), attributes, excluded);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "scimReplaceUser", summary = "Replace a SCIM user", description = "If-Match with another version answers 412.")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ScimCaller.require();
        return ok(Response.ok(), users.replace(ScimResources.id(id, "user"), body, ifMatch), null, null);
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "scimPatchUser", summary = "Patch a SCIM user", description = "PatchOp add/remove/replace; active=false deprovisions.")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ScimCaller.require();
        return ok(Response.ok(), users.patch(ScimResources.id(id, "user"), body, ifMatch), null, null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "scimDeleteUser", summary = "Delete a SCIM user", description = "Deletes and deprovisions: console sessions end, claimed tasks are released.")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        ScimCaller.require();
        users.delete(ScimResources.id(id, "user"), ifMatch);
        return Response.noContent().build();
    }

    private Response ok(Response.ResponseBuilder b, ScimUser u, String attributes, String excluded) {
        return b.type(ScimMedia.TYPE).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(u.version()), true))
                .entity(ScimResources.project(ScimResources.user(u, groups.ofUser(u.id()), base()), attributes, excluded)).build();
    }

    private String base() {
        return uri.getBaseUri().toString().replaceFirst("/$", "") + ScimMedia.BASE;
    }
}
