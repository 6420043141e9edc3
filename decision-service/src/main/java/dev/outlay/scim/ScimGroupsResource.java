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

/** SCIM Groups (RFC 7644 §3); authenticated like {@link ScimUsersResource}. */
@Path("/scim/v2/Groups")
@PermitAll
@Produces({ScimMedia.TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.TYPE, MediaType.APPLICATION_JSON})
public class ScimGroupsResource {

    @Inject
    ScimGroups groups;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "scimListGroups", summary = "List SCIM groups", description = "filter (displayName eq/co, externalId eq, members eq), startIndex, count.")
    public ScimListResponse list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
                                 @QueryParam("count") Integer count, @QueryParam("attributes") String attributes,
                                 @QueryParam("excludedAttributes") String excluded) {
        ScimCaller.require();
        ScimPage<ScimGroup> page = groups.list(filter, ScimPaging.startIndex(startIndex), ScimPaging.count(count));
        List<JsonNode> out = page.items().stream()
                .map(g -> ScimResources.project(ScimResources.group(g, base()), attributes, excluded)).toList();
        return ScimListResponse.of(out, page.totalResults(), page.startIndex());
    }

    @POST
    @Operation(operationId = "scimCreateGroup", summary = "Create a SCIM group", description = "201 with the group; members are user ids of this tenant.")
    public Response create(JsonNode body) {
        ScimCaller.require();
        ScimGroup g = groups.create(body);
        return ok(Response.status(201).location(java.net.URI.create(base() + "/Groups/" + g.id())), g, null, null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "scimGetGroup", summary = "Read a SCIM group", description = "excludedAttributes=members leaves the member list out.")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded) {
        ScimCaller.require();
        return ok(Response.ok(), groups.get(ScimResources.id(id, "group")), attributes, excluded);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "scimReplaceGroup", summary = "Replace a SCIM group", description = "Replaces name and members; If-Match with another version answers 412.")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ScimCaller.require();
        return ok(Response.ok(), groups.replace(ScimResources.id(id, "group"), body, ifMatch), null, null);
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "scimPatchGroup", summary = "Patch a SCIM group", description = "Members add/remove (Okta filter paths, Entra value arrays), displayName replace.")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ScimCaller.require();
        return ok(Response.ok(), groups.patch(ScimResources.id(id, "group"), body, ifMatch), null, null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "scimDeleteGroup", summary = "Delete a SCIM group", description = "Its members lose the roles it mapped to.")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        ScimCaller.require();
        groups.delete(ScimResources.id(id, "group"), ifMatch);
        return Response.noContent().build();
    }

    private Response ok(Response.ResponseBuilder b, ScimGroup g, String attributes, String excluded) {
        return b.type(ScimMedia.TYPE).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(g.version()), true))
                .entity(ScimResources.project(ScimResources.group(g, base()), attributes, excluded)).build();
    }

    private String base() {
        return uri.getBaseUri().toString().replaceFirst("/$", "") + ScimMedia.BASE;
    }
}
