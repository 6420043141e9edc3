/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The delivery log (every attempt of every delivery) and retry by hand of dead or held deliveries. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int LIMIT = 200;

    @Inject
    DeliveryStore deliveries;

    @Inject
    AuditLog audit;

    @Inject
    ExternalLinks links;

    @Operation(operationId = "listDeliveries", summary = "List outgoing notification deliveries",
            description = "The delivery log: every outgoing notification with its channel, status and attempts, filtered by "
                    + "`status` and `channel`. Payloads stay in Outlay.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "auditor"})
    public List<Delivery> list(@QueryParam("status") String status, @QueryParam("channel") String channel) {
        if (status != null && !DeliveryStatus.ALL.contains(status)) {
            throw ProblemException.badRequest("Unknown status.", Problem.Fault.at("status", "one of " + DeliveryStatus.ALL));
        }
        if (channel != null && !DeliveryStatus.CHANNELS.contains(channel)) {
            throw ProblemException.badRequest("Unknown channel.", Problem.Fault.at("channel", "one of " + DeliveryStatus.CHANNELS));
        }
        return deliveries.list(status, channel, LIMIT);
    }

    /**
     * What the other side made of a subject's deliveries: the Jira issue, the remediation run or pipeline, with the
     * status last reported back. Evidence on a finding, anomaly or violation that it reached an owner and an action.
     */
    @Operation(operationId = "listDeliveryLinks", summary = "Show what connected systems made of a subject's deliveries",
            description = "For one subject (`subjectType`, `subjectId`: a finding, anomaly or violation) the Jira issues, "
                    + "remediation runs or pipelines its deliveries created, with the status last reported back.")
    @GET
    @Path("links")
    @RolesAllowed({"admin", "finops_admin", "auditor"})
    public List<ExternalLink> links(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId) {
        List<Problem.Fault> faults = new java.util.ArrayList<>();
        if (subjectType == null || subjectType.isBlank()) faults.add(Problem.Fault.at("subjectType", "required (finding, anomaly, violation...)"));
        if (subjectId == null || subjectId.isBlank()) faults.add(Problem.Fault.at("subjectId", "required"));
        if (!faults.isEmpty()) throw ProblemException.badRequest("Name the subject whose links you want.", faults.toArray(Problem.Fault[]::new));
        return links.ofSubject(subjectType, subjectId);
    }

    @Operation(operationId = "retryDelivery", summary = "Send a dead or held delivery again",
            description = "Queues the delivery for another attempt now; the attempt history is kept. Only deliveries that are "
                    + "dead or held can be retried.")
    @POST
    @Path("{id}/retry")
    @RolesAllowed({"admin", "finops_admin"})
    @Transactional
    public Delivery retry(@PathParam("id") UUID id) {
        Delivery before = deliveries.find(id).orElseThrow(() -> ProblemException.notFound("No delivery " + id + "."));
        if (!deliveries.requeue(id)) {
            throw ProblemException.conflict("Delivery " + id + " is " + before.status() + "; only dead or held deliveries are retried by hand.");
        }
        audit.record("delivery.retry", "action_delivery", id.toString(), Map.of("status", before.status()), Map.of("status", DeliveryStatus.PENDING));
        return deliveries.find(id).orElseThrow();
    }
}
