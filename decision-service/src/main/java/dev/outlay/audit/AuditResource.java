/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @Operation(operationId = "listAuditEntries", summary = "List audit log entries",
            description = "The tenant's audit log filtered by time range, actor and action; `format=csv` downloads it.")
    @GET
    @RolesAllowed({"auditor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                         @QueryParam("action") String action, @QueryParam("format") String format) {
        AuditFilter f = AuditFilter.parse(from, to, actor, action);
        List<AuditEntry> entries = audit.list(f.from(), f.to(), f.actor(), f.action());
        if (format == null || format.equals("json")) return Response.ok(entries, MediaType.APPLICATION_JSON).build();
        if (format.equals("csv")) return Response.ok(AuditCsv.write(entries), "text/csv").build();
        throw ProblemException.badRequest("format must be json or csv", Problem.Fault.at("format", "unsupported: " + format));
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit log's hash chain",
            description = "Recomputes the tenant's audit hash chain and answers whether it is intact, and where it breaks if "
                    + "not.")
    @GET
    @Path("/verify")
    @RolesAllowed({"auditor", "admin"})
    public AuditChain.Verification verify() {
        return audit.verify();
    }
}
