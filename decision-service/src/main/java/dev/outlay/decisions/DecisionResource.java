/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** Evaluate, list, read and replay decisions. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    DecisionLog log;

    /** Body: a JSON object keyed by the model's input names. Numbers are read exactly (BigDecimal). */
    @Operation(operationId = "evaluateDecision", summary = "Evaluate a rule set",
            description = "Evaluates the tenant's active version of the rule set (or `version`) on a JSON object keyed by the "
                    + "model's input names; numbers are read exactly. The decision is logged and can be replayed.")
    @POST
    @Path("/{ruleSet}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    @SuppressWarnings("unchecked")
    public DecisionRecord evaluate(@PathParam("ruleSet") String ruleSet, @QueryParam("version") String version, String body)
            throws Exception {
        JsonNode json = body == null || body.isBlank() ? null : CanonicalJson.parse(body);
        if (json == null || !json.isObject()) {
            throw ProblemException.unprocessable("The body must be a JSON object of model inputs", List.of());
        }
        return decisions.evaluate(ruleSet, version, (Map<String, Object>) CanonicalJson.toJava(json));
    }

    @Operation(operationId = "listDecisions", summary = "List logged decisions",
            description = "The decision log filtered by rule set, time range and run.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<DecisionRecord> list(@QueryParam("ruleSet") String ruleSet, @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("runId") String runId, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 10_000) throw ProblemException.badRequest("limit is 1..10000", Problem.Fault.at("limit", String.valueOf(limit)));
        return log.list(ruleSet, RuleSetResource.instant("from", from), RuleSetResource.instant("to", to),
                runId == null ? null : uuid(runId), limit);
    }

    @Operation(operationId = "getDecision", summary = "Read a logged decision",
            description = "One decision with its inputs, outputs and the version hash it ran under.")
    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public DecisionRecord get(@PathParam("id") String id) {
        return log.find(uuid(id)).orElseThrow(() -> ProblemException.notFound("No decision " + id + "."));
    }

    @Operation(operationId = "replayDecision", summary = "Replay a logged decision",
            description = "Evaluates the logged inputs again under their version and against today's (or `against`) and answers "
                    + "whether it reproduced, with a diff.")
    @POST
    @Path("/{id}/replay")
    @RolesAllowed({"finops_admin", "auditor", "admin"})
    public DecisionService.ReplayResult replay(@PathParam("id") String id, @QueryParam("against") String against) {
        return decisions.replay(uuid(id), against);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No decision " + id + ".");
        }
    }
}
