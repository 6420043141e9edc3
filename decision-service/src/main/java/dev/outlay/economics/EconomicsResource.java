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

    @GET
    @Path("metrics")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<MetricDefinition> listMetrics() {
        return repository.metrics();
    }

    @GET
    @Path("metrics/{name}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public MetricDefinition getMetric(@PathParam("name") String name) {
        return metrics.get(name);
    }

    @PUT
    @Path("metrics/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public MetricDefinition putMetric(@PathParam("name") String name, MetricInput in) {
        return metrics.put(name, in);
    }

    @DELETE
    @Path("metrics/{name}")
    @RolesAllowed({"admin", "finops_admin"})
    public Response deleteMetric(@PathParam("name") String name) {
        metrics.delete(name);
        return Response.noContent().build();
    }

    @POST
    @Path("metrics/{name}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public MetricValuesResult postValues(@PathParam("name") String name, List<MetricValue> values) {
        return metrics.putValues(name, values);
    }

    @POST
    @Path("metrics/{name}/values")
    @Consumes("text/csv")
    @RolesAllowed({"admin", "finops_admin"})
    public MetricValuesResult postCsv(@PathParam("name") String name, byte[] csv) {
        return metrics.putCsv(name, MetricValuesCsv.utf8(csv));
    }

    @GET
    @Path("kpis")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<KpiDefinition> listKpis() {
        return repository.kpis();
    }

    @GET
    @Path("kpis/{name}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public KpiDefinition getKpi(@PathParam("name") String name) {
        return metrics.kpi(name);
    }

    @PUT
    @Path("kpis/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public KpiDefinition putKpi(@PathParam("name") String name, KpiInput in) {
        return metrics.putKpi(name, in);
    }

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
