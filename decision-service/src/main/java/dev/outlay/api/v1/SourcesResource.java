/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.connections.ConnectionPoller;
import dev.outlay.ingestion.S3Sources;
import dev.outlay.ingestion.SourceMapping;
import dev.outlay.ingestion.SourceMappingService;
import dev.outlay.ledger.SourceHealthService;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Billing sources: health of every source, bounded backfill of a configured S3 source or a tenant's S3 connection,
 * and the declarative mapping stored per source (used by invoice uploads that send none).
 */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    /** {@code replay}: load periods whose export is unchanged too (after an upgrade changed the mapping). */
    public record BackfillRequest(String from, String to, Boolean replay) {
    }

    public record BackfillAccepted(String source, List<String> billingPeriods, String status) {
    }

    @Inject
    S3Sources sources;

    @Inject
    ConnectionPoller connections;

    @Inject
    SourceHealthService health;

    @Inject
    SourceMappingService mappings;

    /** Per source: last success, recency, completeness of the current billing period, breach of the freshness window. */
    @Operation(operationId = "getSourceHealth", summary = "Show billing source health",
            description = "Per source: last success, recency, completeness of the current billing period and whether the "
                    + "freshness window is breached.")
    @GET
    @Path("health")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<SourceHealthService.SourceHealth> health() {
        return health.health();
    }

    @Operation(operationId = "backfillSource", summary = "Backfill a source",
            description = "Queues a reload of the given billing periods of a source; answers 202 with the periods queued.")
    @POST
    @Path("{id}/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response backfill(@PathParam("id") String id, BackfillRequest body) {
        BackfillRequest b = body == null ? new BackfillRequest(null, null, false) : body;
        boolean replay = Boolean.TRUE.equals(b.replay());
        // A tenant's connection is named by its id (a UUID); anything else is a source from the installation's properties.
        Optional<UUID> connection = uuid(id);
        List<String> periods = connection.isPresent()
                ? connections.backfill(connection.get(), b.from(), b.to(), replay)
                : sources.backfill(id, b.from(), b.to(), replay);
        return Response.accepted(new BackfillAccepted(id, periods, "queued")).build();
    }

    @Operation(operationId = "listSourceMappings", summary = "List stored column mappings",
            description = "The column mappings stored for the tenant's sources.")
    @GET
    @Path("mappings")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<SourceMapping> mappings() {
        return mappings.list();
    }

    @Operation(operationId = "getSourceMapping", summary = "Read a source's column mapping",
            description = "The column mapping stored for one source.")
    @GET
    @Path("{source}/mapping")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public SourceMapping mapping(@PathParam("source") String source) {
        return mappings.get(source);
    }

    /** The body is the mapping itself, JSON or YAML; 422 names the faulty field, or the line of a syntax error. */
    @Operation(operationId = "putSourceMapping", summary = "Store a source's column mapping",
            description = "The body is the mapping itself, JSON or YAML; it replaces the stored one. 422 names the faulty "
                    + "field, or the line of a syntax error.")
    @PUT
    @Path("{source}/mapping")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @RolesAllowed({"admin", "finops_admin"})
    public SourceMapping putMapping(@PathParam("source") String source, String body) {
        return mappings.put(source, body);
    }

    @Operation(operationId = "deleteSourceMapping", summary = "Delete a source's column mapping",
            description = "Removes the mapping stored for the source; answers 204.")
    @DELETE
    @Path("{source}/mapping")
    @RolesAllowed({"admin", "finops_admin"})
    public Response deleteMapping(@PathParam("source") String source) {
        mappings.delete(source);
        return Response.noContent().build();
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
