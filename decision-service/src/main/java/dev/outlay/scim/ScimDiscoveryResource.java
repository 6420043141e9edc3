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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SCIM discovery (RFC 7644 §4): what this service supports, the schemas and the resource types, from fixed
 * documents shipped with the service ({@code resources/scim/*.json}). Behind the SCIM secret like the resources
 * (the RFC allows that; Okta and Entra ID send their token here too).
 */
@Path("/scim/v2")
@PermitAll
@Produces({ScimMedia.TYPE, MediaType.APPLICATION_JSON})
public class ScimDiscoveryResource {

    private static final JsonNode CONFIG = load("service-provider-config.json");
    private static final JsonNode SCHEMAS = load("schemas.json");
    private static final JsonNode TYPES = load("resource-types.json");

    @GET
    @Path("ServiceProviderConfig")
    @Operation(operationId = "scimServiceProviderConfig", summary = "SCIM service provider configuration", description = "PATCH, filter and ETag supported; bulk, sort and password change not.")
    public JsonNode config() {
        ScimCaller.require();
        return CONFIG;
    }

    @GET
    @Path("Schemas")
    @Operation(operationId = "scimSchemas", summary = "SCIM schemas", description = "User, Group and the enterprise user extension.")
    public ScimListResponse schemas() {
        ScimCaller.require();
        return list(SCHEMAS);
    }

    @GET
    @Path("Schemas/{id}")
    @Operation(operationId = "scimSchema", summary = "One SCIM schema", description = "By its URN.")
    public JsonNode schema(@PathParam("id") String id) {
        ScimCaller.require();
        return byId(SCHEMAS, id, "schema");
    }

    @GET
    @Path("ResourceTypes")
    @Operation(operationId = "scimResourceTypes", summary = "SCIM resource types", description = "User and Group.")
    public ScimListResponse types() {
        ScimCaller.require();
        return list(TYPES);
    }

    @GET
    @Path("ResourceTypes/{id}")
    @Operation(operationId = "scimResourceType", summary = "One SCIM resource type", description = "User or Group.")
    public JsonNode type(@PathParam("id") String id) {
        ScimCaller.require();
        return byId(TYPES, id, "resource type");
    }

    private static ScimListResponse list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return ScimListResponse.of(out, out.size(), 1);
    }

    private static JsonNode byId(JsonNode array, String id, String what) {
        for (JsonNode n : array) if (n.path("id").asText().equals(id)) return n;
        throw ScimException.notFound("No " + what + " " + id + ".");
    }

    private static JsonNode load(String name) {
        try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("/scim/" + name)) {
            if (in == null) throw new IllegalStateException("missing /scim/" + name);
            return ScimJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
