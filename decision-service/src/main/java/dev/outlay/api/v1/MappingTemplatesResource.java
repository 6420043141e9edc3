/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.invoice.InvoiceTemplates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The invoice mappings Outlay bundles for exports without a connector of their own (Azure EA, OCI): the same for
 * every tenant. An upload or dry run names one with the form field {@code template}; to keep one for a source,
 * PUT its YAML to {@code /api/v1/sources/{source}/mapping}.
 */
@Path("/api/v1/mapping-templates")
public class MappingTemplatesResource {

    public record Summary(String name, String description, String version, String provider) {
    }

    @Operation(operationId = "listMappingTemplates", summary = "List bundled mapping templates",
            description = "The column mappings shipped with Outlay for invoice-style billing files (for example azure-ea, "
                    + "oci-cost).")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Summary> list() {
        return InvoiceTemplates.all().stream().map(t -> new Summary(t.name(), t.description(), t.version(), t.provider())).toList();
    }

    @Operation(operationId = "getMappingTemplate", summary = "Read a bundled mapping template",
            description = "One bundled column mapping as YAML, ready to adapt and store with PUT "
                    + "/api/v1/sources/{source}/mapping.")
    @GET
    @Path("{name}")
    @Produces("application/yaml")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response get(@PathParam("name") String name) {
        InvoiceTemplates.Template t = InvoiceTemplates.find(name).orElseThrow(() -> ProblemException.notFound("mapping template " + name));
        return Response.ok(t.yaml(), "application/yaml").build();
    }
}
