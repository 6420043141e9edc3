/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.TreeSet;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String tenant, String subject, List<String> roles) {
    }

    /** Any authenticated caller may see who the token says they are (the filter has already verified it). */
    @Operation(operationId = "whoAmI", summary = "Show who the token says the caller is",
            description = "The tenant, subject and roles of the verified token. Any authenticated caller may call it.")
    @GET
    @PermitAll
    public Me me() {
        Caller caller = TenantContext.caller().orElseThrow();
        return new Me(caller.tenantId(), caller.subject(), List.copyOf(new TreeSet<>(caller.roles())));
    }
}
