/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.anomalies.alerts.AnomalySettings;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Path("/api/v1/anomalies")
@Produces(MediaType.APPLICATION_JSON)
public class AnomalyResource {

    public record Window(String from, String to) {
    }

    public record Action(String until, Boolean truePositive) {
    }

    @Inject
    AnomalyService service;

    @Inject
    AnomalySettingsStore settings;

    @Inject
    AnomalyBands bands;

    @Operation(operationId = "detectAnomalies", summary = "Run anomaly detection now",
            description = "Detects spend anomalies over the given window of ledger days for the tenant and answers what was "
                    + "opened or updated.")
    @POST
    @Path("/detect")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Map<String, Object> detect(Window w) {
        if (w == null) throw ProblemException.badRequest("body {from, to} is required");
        List<Map<String, Object>> found = service.detect(date("from", w.from(), true), date("to", w.to(), true));
        return Map.of("count", found.size(), "anomalies", found);
    }

    @Operation(operationId = "listAnomalies", summary = "List anomalies",
            description = "Anomalies of the tenant, filtered by time range, severity, owner and status.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Map<String, Object>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("severity") String severity, @QueryParam("owner") String owner,
                                          @QueryParam("status") String status) {
        return service.list(date("from", from, false), date("to", to, false), severity, owner, status);
    }

    @Operation(operationId = "getAnomalySettings", summary = "Read the anomaly detection settings",
            description = "The tenant's anomaly detection settings.")
    @GET
    @Path("/settings")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public AnomalySettings settings() {
        return settings.current();
    }

    @Operation(operationId = "updateAnomalySettings", summary = "Change the anomaly detection settings",
            description = "Changes the tenant's anomaly detection settings and answers the settings now in force.")
    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public AnomalySettings updateSettings(AnomalySettings.Change change) {
        return settings.update(change);
    }

    @Operation(operationId = "getAnomaly", summary = "Read an anomaly",
            description = "One anomaly of the tenant with its detail and triage state.")
    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No anomaly " + id + "."));
    }

    /** The anomaly's series around its day with the band each day was compared against (the console's chart). */
    @Operation(operationId = "getAnomalyBand", summary = "Read an anomaly's series and band",
            description = "The anomaly's daily series around its day with the band each day was compared against, as the "
                    + "console's chart draws it.")
    @GET
    @Path("/{id}/band")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public AnomalyBands.Band band(@PathParam("id") String id) {
        return bands.of(id);
    }

    @Operation(operationId = "snoozeAnomaly", summary = "Snooze an anomaly",
            description = "Hides the anomaly from the queue until `until`.")
    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public Map<String, Object> snooze(@PathParam("id") String id, Action body) {
        return service.act(id, "snooze", date("until", body == null ? null : body.until(), true), null);
    }

    @Operation(operationId = "resolveAnomaly", summary = "Resolve an anomaly",
            description = "Marks the anomaly resolved.")
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public Map<String, Object> resolve(@PathParam("id") String id) {
        return service.act(id, "resolve", null, null);
    }

    @Operation(operationId = "giveAnomalyFeedback", summary = "Give feedback on an anomaly",
            description = "Records whether the anomaly was a true positive (`truePositive`).")
    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "platform", "engineering"})
    public Map<String, Object> feedback(@PathParam("id") String id, Action body) {
        return service.act(id, "feedback", null, body == null ? null : body.truePositive());
    }

    private static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw ProblemException.badRequest(field + " is required (YYYY-MM-DD)", Problem.Fault.at(field, "missing"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is YYYY-MM-DD", Problem.Fault.at(field, value));
        }
    }
}
