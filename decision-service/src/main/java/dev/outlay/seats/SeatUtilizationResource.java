/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** The seat utilization of a SaaS seat source (its connection id): what the unused-seat findings work from. */
@Path("/api/v1/sources/{id}/utilization")
@Produces(MediaType.APPLICATION_JSON)
public class SeatUtilizationResource {

    @Inject
    SeatUtilizationService utilization;

    @Operation(operationId = "getSeatUtilization", summary = "Seat utilization of a SaaS seat source",
            description = "Per SKU of an m365 or salesforce connection, as its last successful poll read them: seats bought, assigned, active in the last 30 days (null when sign-ins are unknown), unassigned and inactive, and the unused seats waste.saas.unused-seats judges.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public SeatUtilization get(@PathParam("id") UUID id) {
        return utilization.of(id);
    }

    /** Not a seat connection of the caller's tenant: 404. */
    @Provider
    public static class NotSeatMapper implements ExceptionMapper<NoSeatConnectionException> {
        @Override
        public Response toResponse(NoSeatConnectionException e) {
            return ProblemResponses.of(Problem.of(404, "Not Found", e.getMessage()), null);
        }
    }
}
