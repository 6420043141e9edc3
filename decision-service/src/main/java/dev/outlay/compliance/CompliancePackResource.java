/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/compliance/pack")
public class CompliancePackResource {

    /** The audit window: from inclusive, to exclusive; a date (midnight UTC) or an instant; to not in the future. */
    public record PackRequest(String from, String to) {
    }

    @Inject
    CompliancePacks packs;

    @Operation(operationId = "generateCompliancePack", summary = "Generate the compliance export pack",
            description = "A zip with a manifest (every file's SHA-256, the generation inputs), the controls mapped to evidence "
                    + "(RBAC matrix, row-level security coverage, audit chain verification, retention settings, last tenant-isolation "
                    + "test run, SLOs, incident runbook) and the audit log of the window as CSV. The same window and state give "
                    + "the same bytes.")
    @POST
    @RolesAllowed({"auditor", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/zip")
    public Response generate(PackRequest body) {
        CompliancePack pack = body == null ? packs.generate(null, null) : packs.generate(body.from(), body.to());
        String tenant = TenantContext.requireTenant();
        return Response.ok(pack.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"outlay-compliance-" + tenant + "-" + pack.packHash().substring(0, 12) + ".zip\"")
                .header("X-Outlay-Pack-Hash", pack.packHash())
                .build();
    }
}
