/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Business metrics, unit-cost KPIs and the unit-cost report (issue 21, unit economics). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EconomicsResource {


    @Inject
    MetricService metrics;

    @Inject
    EconomicsRepository repository;

    @Inject
    UnitCostService unitCosts;

    @Operation(operationId = "listBusinessMetrics", summary = "List business metrics",
            description = "The business metrics defined for unit economics (for example orders or active users).")
    @GET
    @Path("metrics")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<MetricDefinition> listMetrics() {
        return repository.metrics();
    }

    @Operation(operationId = "getBusinessMetric", summary = "Read a business metric",
            description = "One business metric definition.")
    @GET
    @Path("metrics/{name}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public MetricDefinition getMetric(@PathParam("name") String name) {
        return metrics.get(name);
    }

    @Operation(operationId = "putBusinessMetric", summary = "Define or change a business metric",
            description = "Creates or replaces the metric definition of that name; audited.")
    @PUT
    @Path("metrics/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public MetricDefinition putMetric(@PathParam("name") String name, MetricInput in) {
        return metrics.put(name, in);
    }

    @Operation(operationId = "deleteBusinessMetric", summary = "Delete a business metric",
            description = "Removes the metric definition; answers 204.")
    @DELETE
    @Path("metrics/{name}")
    @RolesAllowed({"admin", "finops_admin"})
    public Response deleteMetric(@PathParam("name") String name) {
        metrics.delete(name);
        return Response.noContent().build();
    }

    @Operation(operationId = "postBusinessMetricValues", summary = "Record business metric values",
            description = "Records values of the metric, as a JSON array or CSV; a bad value is reported with where it is, and "
                    + "then nothing is stored.")
    @POST
    @Path("metrics/{name}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public MetricValuesResult postValues(@PathParam("name") String name, List<MetricValue> values) {
        return metrics.putValues(name, values);
    }

    @Operation(operationId = "postBusinessMetricValues", summary = "Record business metric values",
            description = "Records values of the metric, as a JSON array or CSV; a bad value is reported with where it is, and "
                    + "then nothing is stored.")
    @POST
    @Path("metrics/{name}/values")
    @Consumes("text/csv")
    @RolesAllowed({"admin", "finops_admin"})
    public MetricValuesResult postCsv(@PathParam("name") String name, byte[] csv) {
        return metrics.putCsv(name, MetricValuesCsv.utf8(csv));
    }

    @Operation(operationId = "listKpis", summary = "List unit-cost KPIs",
            description = "The KPI definitions: which spend is divided by which business metric.")
    @GET
    @Path("kpis")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<KpiDefinition> listKpis() {
        return repository.kpis();
    }

    @Operation(operationId = "getKpi", summary = "Read a unit-cost KPI",
            description = "One KPI definition.")
    @GET
    @Path("kpis/{name}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public KpiDefinition getKpi(@PathParam("name") String name) {
        return metrics.kpi(name);
    }

    @Operation(operationId = "putKpi", summary = "Define or change a unit-cost KPI",
            description = "Creates or replaces the KPI of that name; audited.")
    @PUT
    @Path("kpis/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public KpiDefinition putKpi(@PathParam("name") String name, KpiInput in) {
        return metrics.putKpi(name, in);
    }

    @Operation(operationId = "getUnitCosts", summary = "Compute unit costs",
            description = "Spend per unit of the KPI's metric between `from` and `to` per `grain` (default `day`); JSON or "
                    + "`format=csv`.")
    @GET
    @Path("unit-costs")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response unitCosts(@QueryParam("kpi") String kpi, @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("grain") @DefaultValue("day") String grain, @QueryParam("format") @DefaultValue("json") String format) {
        UnitCostReport report = unitCosts.report(kpi, from, to, grain);
        if (format.equals("csv")) return Response.ok(UnitCostCsv.write(report), "text/csv; charset=UTF-8").build();
        if (!format.equals("json")) throw dev.outlay.api.problem.ProblemException.badRequest("format must be json or csv");
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
