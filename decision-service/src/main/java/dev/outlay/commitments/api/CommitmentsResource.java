/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.outlay.approvals.BlockedSpend;
import dev.outlay.approvals.SpendRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** Commitment (Savings Plan) recommendations from the ledger, and turning one into a spend request (issue 21). */
@Path("/api/v1/commitments/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentsResource {

    @Inject
    CommitmentRecommendations recommendations;

    @Inject
    CommitmentPurchases purchases;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Operation(operationId = "listCommitmentRecommendations", summary = "Recommend commitment levels",
            description = "Hourly commitment levels per term and payment option sized on the uncovered on-demand-equivalent usage, with expected savings (P10/P50/P90), break-even, utilization, coverage, confidence and the guards that applied.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public Response recommendations(@QueryParam("asOf") String asOf, @QueryParam("lookbackDays") String lookbackDays) {
        return dev.outlay.api.PlainDecimalJson.ok(mapper, recommendations.report(asOf, lookbackDays));
    }

    /** 201 with the spend request (allowed, warned or pending approval); a request the policy blocks is recorded and answered 422. */
    @Operation(operationId = "requestCommitmentPurchase", summary = "Turn a recommendation into a spend request",
            description = "Creates a spend request for a recommended commitment, judged by the spend policy and, where it escalates, the approval process; a stale recommendation id answers 409.")
    @POST
    @Path("purchase-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response purchase(PurchaseRequestInput in) {
        PurchaseRequestResult r = purchases.request(in);
        SpendRequest s = r.spendRequest();
        if (SpendRequest.BLOCKED.equals(s.status())) return BlockedSpend.response(s, "purchase", r);
        return Response.status(201).header("Location", "/api/v1/spend-requests/" + s.id()).entity(r).build();
    }
}
