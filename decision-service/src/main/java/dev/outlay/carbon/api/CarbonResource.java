/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Carbon estimates of the ledger and the factor sets they are computed with (issue 21). */
@Path("/api/v1/carbon")
@Produces(MediaType.APPLICATION_JSON)
public class CarbonResource {

    @Inject
    CarbonReports reports;

    @Inject
    FactorSets factorSets;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Inject
    ProviderCarbonExports providerExports;

    @Inject
    CarbonDivergence divergence;

    @Operation(operationId = "importCarbonProviderExport", summary = "Import a provider's own carbon export",
            description = "Stores the rows of a provider's carbon export for the tenant: provider=aws, the AWS Carbon emissions Data "
                    + "Export as CSV; provider=gcp, Google Cloud's Carbon Footprint export table as newline-delimited JSON; "
                    + "provider=azure, the carbon optimization API's ItemDetailsReport answer by ServiceType for one month (month=yyyy-mm "
                    + "and account=<subscription> required). Gzip accepted. Rows of the same provider, account and month from earlier "
                    + "imports are replaced. A file with unreadable lines is refused whole (422, every line named) and nothing is stored; audited.")
    @POST
    @Path("provider-exports")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON, "application/x-ndjson"})
    @RolesAllowed({"admin", "finops_admin"})
    public Response importProviderExport(@QueryParam("provider") String provider, @QueryParam("fileName") String fileName,
                                         @QueryParam("month") String month, @QueryParam("account") String account, byte[] body) {
        return Response.status(201).entity(providerExports.importFile(provider, fileName, month, account, body)).build();
    }

    @Operation(operationId = "listCarbonProviderExports", summary = "List imported provider carbon exports",
            description = "The tenant's imports of provider carbon exports, newest first: file, checksum, rows and months.")
    @GET
    @Path("provider-exports")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<ProviderExportImport> providerExports() {
        return providerExports.list();
    }

    @Operation(operationId = "getCarbonDivergence", summary = "Compare a provider's carbon export with Outlay's estimate",
            description = "Per month and service, the provider's location-based (and market-based) kgCO2e from its imported export "
                    + "against Outlay's location-based estimate of the same provider's ledger rows; ratio = Outlay / provider, "
                    + "METHOD_DIVERGENCE outside [0.5, 2.0]. from/to are months (yyyy-mm, to exclusive).")
    @GET
    @Path("divergence")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response divergence(@QueryParam("provider") @DefaultValue("aws") String provider, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("factorSet") String factorSet) {
        return dev.outlay.api.PlainDecimalJson.ok(mapper, divergence.report(provider, from, to, factorSet));
    }

    @Operation(operationId = "getCarbonReport", summary = "Estimate energy and emissions of the ledger",
            description = "Energy (kWh) and emissions (kgCO2e) of a window's usage rows, grouped by an owner dimension, service, region, account or provider, under the tenant's newest factor set or a named older one; usage that cannot be estimated is listed with its cost. JSON or CSV.")
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response report(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("factorSet") String factorSet, @QueryParam("format") @DefaultValue("json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", "json or csv"));
        }
        CarbonReport report = reports.report(groupBy, from, to, factorSet);
        if (format.equals("csv")) return Response.ok(CarbonCsv.write(report), "text/csv; charset=UTF-8").build();
        return dev.outlay.api.PlainDecimalJson.ok(mapper, report);
    }

    @Operation(operationId = "listCarbonFactorSets", summary = "List carbon factor sets",
            description = "Every stored factor-set version with its source, publication and retrieval dates, and the bundled default.")
    @GET
    @Path("factor-sets")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<FactorSetSummary> factorSets() {
        return factorSets.list();
    }

    @Operation(operationId = "getCarbonFactorSet", summary = "Get one carbon factor set",
            description = "A factor set by its version (the SHA-256 of its canonical JSON), with every coefficient.")
    @GET
    @Path("factor-sets/{version}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public FactorSetDetail factorSet(@PathParam("version") String version) {
        return factorSets.get(version);
    }

    /** Stores a new immutable version (201), or answers 200 with the stored one when the content is already stored. */
    @Operation(operationId = "putCarbonFactorSet", summary = "Store a carbon factor set",
            description = "Stores a new immutable factor-set version (201) or answers 200 with the stored one when the same content exists; audited.")
    @PUT
    @Path("factor-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finops_admin"})
    public Response putFactorSet(String body) {
        FactorSets.Stored s = factorSets.put(body);
        URI location = URI.create("/api/v1/carbon/factor-sets/" + s.set().summary().version());
        return (s.created() ? Response.created(location) : Response.ok().location(location)).entity(s.set()).build();
    }
}
