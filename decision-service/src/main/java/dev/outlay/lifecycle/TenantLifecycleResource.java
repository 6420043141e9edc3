/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;

@Path("/api/v1/tenant")
public class TenantLifecycleResource {

    public record DeleteBody(String confirmationToken) {
    }

    @Inject
    TenantExport export;

    @Inject
    TenantDeletion deletion;

    @Inject
    AuditLog audit;

    @Operation(operationId = "exportTenant", summary = "Export everything the tenant owns",
            description = "A zip of everything the tenant owns.")
    @POST
    @Path("/export")
    @RolesAllowed("admin")
    @Produces("application/zip")
    public Response export() {
        String tenant = TenantContext.requireTenant();
        audit.record("tenant.export", "tenant", tenant, null, null);
        var caller = TenantContext.caller().orElseThrow();
        // The body streams after this method returns, on the same request but outside the filter's binding.
        StreamingOutput body = out -> TenantContext.runAs(caller, () -> {
            try {
                export.write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"outlay-" + tenant + "-" + LocalDate.now() + ".zip\"")
                .build();
    }

    /** Without a token: starts a deletion and returns the one-time token. With it: confirms and schedules. */
    @Operation(operationId = "deleteTenant", summary = "Start or confirm the tenant's deletion",
            description = "Without a confirmation token: starts a deletion and returns the one-time token. With it: confirms "
                    + "and schedules the deletion after the grace period. Answers 202.")
    @POST
    @Path("/delete")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(DeleteBody body) {
        if (body == null || body.confirmationToken() == null || body.confirmationToken().isBlank()) {
            return Response.accepted(deletion.request()).build();
        }
        return Response.accepted(deletion.confirm(body.confirmationToken())).build();
    }

    @Operation(operationId = "cancelTenantDeletion", summary = "Cancel a scheduled tenant deletion",
            description = "Cancels a deletion still within its grace period.")
    @DELETE
    @Path("/delete")
    @RolesAllowed("admin")
    public Response cancel() {
        deletion.cancel();
        return Response.noContent().build();
    }
}
