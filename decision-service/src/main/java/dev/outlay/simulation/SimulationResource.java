/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A draft against history before it is published. Read-only (nothing is written: no run, no ledger row, no decision
 * log record) and deterministic (same ledger, log and versions, same answer). Roles as the impact API's.
 */
@Path("/api/v1/rulesets/{name}/simulations")
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {

    @Inject
    SimulationService service;

    @Operation(operationId = "simulateRuleSetDraft", summary = "Simulate a draft against history",
            description = "Runs a draft version of the rule set against past ledger and decision-log data before it is "
                    + "published. Read-only (no run, no ledger row, no decision log record) and deterministic.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finops_admin", "auditor", "admin"})
    public SimulationService.Simulation simulate(@PathParam("name") String name, SimulationRequest body) {
        return service.simulate(name, body == null ? new SimulationRequest(null, null, null, null, null, null) : body);
    }
}
