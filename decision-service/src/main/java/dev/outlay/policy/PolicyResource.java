/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Previews the spend policy for a request: nothing is recorded, nothing is started. */
@Path("/api/v1/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    public record Preview(PolicyOutcome policy, PolicyInput inputs) {
    }

    @Inject
    PolicyCheck check;

    @Operation(operationId = "previewSpendPolicy", summary = "Preview the spend policy",
            description = "Evaluates the spend policy on a request without recording it: the outcome (allow, warn, escalate, "
                    + "block) and its reasons.")
    @POST
    @Path("evaluate")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public Preview evaluate(PolicyRequest request) {
        PolicyCheck.Evaluation e = check.evaluate(request);
        return new Preview(e.outcome(), e.input());
    }
}
