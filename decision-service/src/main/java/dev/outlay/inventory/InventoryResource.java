/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.ResourceKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Resource inventory and daily utilization of the caller's tenant (issue 15): the generic import and its reads. */
@Path("/api/v1/inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject
    InventoryImportService imports;

    @Inject
    InventoryStore store;

    /**
     * Imports an inventory snapshot or metric samples (body CSV or JSON by Content-Type). 201 with what was stored;
     * 422 naming line and field for any bad record, and then nothing is stored.
     */
    @Operation(operationId = "importInventory", summary = "Import an inventory snapshot or metric samples",
            description = "The body is CSV or JSON by Content-Type. 201 with what was stored; 422 naming line and field for any "
                    + "bad record, and then nothing is stored.")
    @POST
    @Path("imports")
    @Consumes({"text/csv", "application/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({"admin", "finops_admin"})
    public Response importFile(@QueryParam("content") String content, @QueryParam("source") String source,
                               @HeaderParam("Content-Type") String contentType, InputStream body) {
        ImportContent c = ImportContent.fromWire(content).orElseThrow(() -> ProblemException.badRequest(
                "content must be inventory or metrics", Problem.Fault.at("content", "inventory or metrics")));
        String src = InventoryImportService.uploadSource(source);
        ImportFormat format = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")
                ? ImportFormat.JSON : ImportFormat.CSV;
        ImportResult r = imports.importFile(c, src, format, body);
        return Response.status(201).entity(r).build();
    }

    @Operation(operationId = "listInventoryImports", summary = "List inventory imports",
            description = "The tenant's inventory imports (at most `limit`, default 100).")
    @GET
    @Path("imports")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<InventoryImport> listImports(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.imports(Math.max(1, Math.min(limit, 1000)));
    }

    /** Items, present ones unless {@code present=false} or {@code all}; filtered by kind and state. */
    @Operation(operationId = "listInventory", summary = "List inventory items",
            description = "Resources, present ones unless `present=false` or `all`, filtered by kind and state.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<InventoryItemView> list(@QueryParam("kind") String kind, @QueryParam("state") String state,
                                        @QueryParam("present") @DefaultValue("true") String present,
                                        @QueryParam("limit") @DefaultValue("1000") int limit) {
        String k = null;
        if (kind != null && !kind.isBlank()) {
            k = ResourceKind.fromWire(kind).map(ResourceKind::wireName).orElseThrow(() -> ProblemException.badRequest(
                    "unknown kind '" + kind + "'", Problem.Fault.at("kind", "one of " + kinds())));
        }
        Boolean p = switch (present.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "all" -> null;
            default -> throw ProblemException.badRequest("present must be true, false or all", Problem.Fault.at("present", "true, false or all"));
        };
        String s = state == null || state.isBlank() ? null : state.strip().toLowerCase(Locale.ROOT);
        return store.items(k, s, p, Math.max(1, Math.min(limit, 10_000)));
    }

    /** Daily aggregates of one resource; days below 86 400 covered seconds are gaps. */
    @Operation(operationId = "getInventoryMetrics", summary = "Read a resource's daily usage metrics",
            description = "Daily aggregates of one resource's metric; days below 86 400 covered seconds are gaps.")
    @GET
    @Path("metrics")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<MetricDayView> metrics(@QueryParam("resourceId") String resourceId, @QueryParam("metric") String metric,
                                       @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (resourceId == null || resourceId.isBlank()) {
            throw ProblemException.badRequest("resourceId is required", Problem.Fault.at("resourceId", "the resource's id"));
        }
        String m = null;
        if (metric != null && !metric.isBlank()) {
            m = MetricName.fromWire(metric).map(MetricName::wireName).orElseThrow(() -> ProblemException.badRequest(
                    "unknown metric '" + metric + "'", Problem.Fault.at("metric", "a metric wire name such as cpu-utilization")));
        }
        return store.metricDays(resourceId.strip(), m, Math.max(1, Math.min(limit, 10_000)));
    }

    private static String kinds() {
        return String.join(", ", java.util.Arrays.stream(ResourceKind.values()).map(ResourceKind::wireName).toList());
    }
}
