/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Polls a SaaS seat connection now: loads the current month's seat charges, or with {@code dryRun=true} only shows them. */
@Path("/api/v1/connections/{id}/seats")
@Produces(MediaType.APPLICATION_JSON)
public class SeatResource {

    @Inject
    SeatConnections seats;

    @Operation(operationId = "pollSeatConnection", summary = "Poll a SaaS seat connection now",
            description = "Reads the current month's seats of an m365 or salesforce connection, prices them from the contract price table and loads them; with dryRun=true only shows what it would load.")
    @POST
    @Path("poll")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "finops_admin"})
    public SeatPollResult poll(@PathParam("id") UUID id, @QueryParam("dryRun") boolean dryRun) {
        return seats.pollNow(id, dryRun);
    }
}
